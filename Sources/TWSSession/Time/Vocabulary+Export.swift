// The session layer speaks the shared vocabulary: its instants are `Vocabulary.SessionInstant`,
// re-exported so every user of TWSSession keeps seeing them without a second import.
@_exported import Vocabulary
