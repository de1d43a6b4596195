// The session layer speaks the shared vocabulary: its instants are `Vocabulary.SessionInstant`,
// its jitter comes from `Vocabulary.SeededGenerator`, re-exported so every user of TWSSession
// keeps seeing them without a second import.
@_exported import Vocabulary
