/// The xterm 256-colour palette and nearest-colour searches used by colour degradation.
public enum ColorPalette {
    /// The six channel levels of the 6x6x6 colour cube (indices 16-231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index` as xterm draws it.
    public static func rgb(ofIndex index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        switch index {
        case 0..<16:
            return NamedColor(rawValue: Int(index))!.rgb
        case 16..<232:
            let value = Int(index) - 16
            return (UInt8(cubeLevels[value / 36]), UInt8(cubeLevels[value / 6 % 6]), UInt8(cubeLevels[value % 6]))
        default:
            let level = UInt8(8 + (Int(index) - 232) * 10)
            return (level, level, level)
        }
    }

    /// The palette entry (16-255, the cube or the grey ramp) closest to an RGB colour.
    public static func nearestIndex(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        func cubeStep(_ channel: UInt8) -> Int {
            let value = Int(channel)
            var best = 0
            for (step, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) {
                best = step
            }
            return best
        }
        let cube = UInt8(16 + 36 * cubeStep(r) + 6 * cubeStep(g) + cubeStep(b))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = UInt8(232 + greyStep)
        return distance(rgb(ofIndex: grey), (r, g, b)) < distance(rgb(ofIndex: cube), (r, g, b)) ? grey : cube
    }

    /// The named colour closest to palette entry `index`; with `brights` false only the 8
    /// normal colours are candidates.
    public static func nearestNamed(index: UInt8, brights: Bool) -> NamedColor {
        if index < 16 {
            let named = NamedColor(rawValue: Int(index))!
            return brights ? named : named.normal
        }
        let target = rgb(ofIndex: index)
        let candidates = brights ? NamedColor.allCases : Array(NamedColor.allCases.prefix(8))
        return candidates.min { distance($0.rgb, target) < distance($1.rgb, target) }!
    }

    /// Squared Euclidean distance between two RGB colours.
    static func distance(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (r: UInt8, g: UInt8, b: UInt8)) -> Int {
        let dr = Int(a.r) - Int(b.r)
        let dg = Int(a.g) - Int(b.g)
        let db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }
}
