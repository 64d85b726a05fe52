import GTMCore

/// A chart over time, drawn by gtm as inline SVG: stacked panels that share a date axis, each
/// with its own value axis and legend. Series differ by line style and marker, never by colour
/// alone, so the chart reads in grey print; a `title` and `desc` name it for screen readers,
/// and the page puts a table of the same data beside it.
struct TimeChart {
    enum Style {
        case solid, dashed, bars
    }

    struct Series {
        var name: String
        var style: Style
        /// (time, value), oldest first. Lines are drawn as steps: a value holds until the next.
        var points: [(time: Int, value: Double)]
    }

    /// A range drawn as a shaded step band between a low and a high value.
    struct Band {
        var name: String
        var points: [(time: Int, low: Double, high: Double)]
    }

    struct Panel {
        var title: String
        var series: [Series] = []
        var band: Band?
        /// The width of one bar, in seconds (bars series only).
        var barWidth: Int = 0
    }

    /// A numbered change, drawn as a dotted line across the panels with its number on top.
    struct Mark {
        var time: Int
        var label: String
    }

    var id: String
    var title: String
    var summary: String
    var start: Int
    var end: Int
    var panels: [Panel]
    var marks: [Mark] = []

    static let width = 720.0, left = 74.0, right = 18.0, panelHeight = 120.0, panelGap = 46.0, top = 14.0, bottom = 40.0

    func svg() -> String {
        let h = Self.top + Double(panels.count) * (Self.panelHeight + Self.panelGap) + Self.bottom - 10
        let e = SafeText.html
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(Self.width)) \(Int(h))\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(e(title))</title>\n<desc id=\"\(id)-desc\">\(e(summary))</desc>\n"
        out += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888888\" stroke-width=\"1.5\"/></pattern></defs>\n"
        let span = Double(max(end - start, 1))
        func x(_ t: Int) -> Double { Self.left + (Double(t - start) / span) * (Self.width - Self.left - Self.right) }
        for (index, panel) in panels.enumerated() {
            let y0 = Self.top + Double(index) * (Self.panelHeight + Self.panelGap) + 26
            let plotHeight = Self.panelHeight - 26
            let values = panel.series.flatMap { $0.points.map(\.value) } + (panel.band?.points.flatMap { [$0.low, $0.high] } ?? [])
            let (top, step) = Self.scale(values.max() ?? 1, counts: values.allSatisfy { $0 == $0.rounded() })
            func y(_ v: Double) -> Double { y0 + plotHeight - (v / top) * plotHeight }
            out += "<g class=\"panel\">\n"
            out += "<text class=\"panel-title\" x=\"\(Self.f(Self.left))\" y=\"\(Self.f(y0 - 12))\">\(e(panel.title))</text>\n"
            // Legend, right-aligned on the title line.
            var lx = Self.width - Self.right
            for item in (panel.band.map { [($0.name, "band")] } ?? []) + panel.series.map({ ($0.name, Self.key($0.style)) }).reversed() {
                lx -= Double(item.0.count) * 6.2 + 34
                out += "<g class=\"legend\">" + Self.swatch(item.1, x: lx, y: y0 - 16, id: id)
                out += "<text x=\"\(Self.f(lx + 26))\" y=\"\(Self.f(y0 - 12))\">\(e(item.0))</text></g>\n"
            }
            // Value axis and grid.
            var v = 0.0
            while v <= top + step / 2 {
                out += "<line class=\"grid\" x1=\"\(Self.f(Self.left))\" x2=\"\(Self.f(Self.width - Self.right))\" y1=\"\(Self.f(y(v)))\" y2=\"\(Self.f(y(v)))\"/>"
                out += "<text class=\"tick\" x=\"\(Self.f(Self.left - 6))\" y=\"\(Self.f(y(v) + 4))\" text-anchor=\"end\">\(PageText.compact(v))</text>\n"
                v += step
            }
            out += "<line class=\"axis\" x1=\"\(Self.f(Self.left))\" x2=\"\(Self.f(Self.left))\" y1=\"\(Self.f(y0))\" y2=\"\(Self.f(y0 + plotHeight))\"/>"
            out += "<line class=\"axis\" x1=\"\(Self.f(Self.left))\" x2=\"\(Self.f(Self.width - Self.right))\" y1=\"\(Self.f(y0 + plotHeight))\" y2=\"\(Self.f(y0 + plotHeight))\"/>\n"
            if let band = panel.band, !band.points.isEmpty {
                var upper = "", lower = ""
                for (i, p) in band.points.enumerated() {
                    let next = i + 1 < band.points.count ? band.points[i + 1].time : end
                    upper += "\(i == 0 ? "M" : "L")\(Self.f(x(p.time))) \(Self.f(y(p.high)))L\(Self.f(x(next))) \(Self.f(y(p.high)))"
                    lower = "L\(Self.f(x(next))) \(Self.f(y(p.low)))L\(Self.f(x(p.time))) \(Self.f(y(p.low)))" + lower
                }
                out += "<path class=\"band\" fill=\"url(#\(id)-hatch)\" d=\"\(upper)\(lower)Z\"/>\n"
            }
            for series in panel.series where !series.points.isEmpty {
                switch series.style {
                case .bars:
                    let w = max(1, x(start + panel.barWidth) - x(start)) * 0.8
                    for p in series.points where p.value > 0 {
                        out += "<rect class=\"bar\" x=\"\(Self.f(x(p.time) + w * 0.125))\" y=\"\(Self.f(y(p.value)))\" width=\"\(Self.f(w))\" height=\"\(Self.f(y(0) - y(p.value)))\"/>"
                    }
                    out += "\n"
                case .solid, .dashed:
                    var d = ""
                    for (i, p) in series.points.enumerated() {
                        let next = i + 1 < series.points.count ? series.points[i + 1].time : end
                        d += "\(i == 0 ? "M" : "L")\(Self.f(x(p.time))) \(Self.f(y(p.value)))L\(Self.f(x(next))) \(Self.f(y(p.value)))"
                    }
                    out += "<path class=\"line \(series.style == .dashed ? "dashed" : "solid")\" d=\"\(d)\"/>\n"
                    if series.points.count <= 60 {
                        for p in series.points {
                            out += series.style == .dashed
                                ? "<rect class=\"dot\" x=\"\(Self.f(x(p.time) - 3))\" y=\"\(Self.f(y(p.value) - 3))\" width=\"6\" height=\"6\"/>"
                                : "<circle class=\"dot\" cx=\"\(Self.f(x(p.time)))\" cy=\"\(Self.f(y(p.value)))\" r=\"3\"/>"
                        }
                        out += "\n"
                    }
                }
            }
            if index == 0 {
                for mark in marks {
                    out += "<line class=\"mark\" x1=\"\(Self.f(x(mark.time)))\" x2=\"\(Self.f(x(mark.time)))\" y1=\"\(Self.f(y0))\" y2=\"\(Self.f(h - Self.bottom))\"/>"
                    out += "<text class=\"mark-label\" x=\"\(Self.f(x(mark.time) + 2))\" y=\"\(Self.f(y0 + 9))\">\(e(mark.label))</text>\n"
                }
            }
            out += "</g>\n"
        }
        // The shared date axis under the last panel.
        let axisY = h - Self.bottom + 16
        let ticks = 5
        for i in 0...ticks {
            let t = start + Int(Double(end - start) * Double(i) / Double(ticks))
            let anchor = i == 0 ? "start" : i == ticks ? "end" : "middle"
            out += "<text class=\"tick\" x=\"\(Self.f(x(t)))\" y=\"\(Self.f(axisY))\" text-anchor=\"\(anchor)\">\(CalendarDate(unixTime: t).description)</text>"
        }
        out += "\n</svg>"
        return out
    }

    static func key(_ style: Style) -> String {
        switch style {
        case .solid: "solid"
        case .dashed: "dashed"
        case .bars: "bars"
        }
    }

    static func swatch(_ key: String, x: Double, y: Double, id: String) -> String {
        switch key {
        case "band": "<rect x=\"\(f(x))\" y=\"\(f(y - 1))\" width=\"20\" height=\"8\" fill=\"url(#\(id)-hatch)\" stroke=\"#333333\"/>"
        case "bars": "<rect class=\"bar\" x=\"\(f(x + 4))\" y=\"\(f(y - 2))\" width=\"12\" height=\"10\"/>"
        case "dashed": "<line class=\"line dashed\" x1=\"\(f(x))\" x2=\"\(f(x + 20))\" y1=\"\(f(y + 3))\" y2=\"\(f(y + 3))\"/><rect class=\"dot\" x=\"\(f(x + 7))\" y=\"\(f(y))\" width=\"6\" height=\"6\"/>"
        default: "<line class=\"line solid\" x1=\"\(f(x))\" x2=\"\(f(x + 20))\" y1=\"\(f(y + 3))\" y2=\"\(f(y + 3))\"/><circle class=\"dot\" cx=\"\(f(x + 10))\" cy=\"\(f(y + 3))\" r=\"3\"/>"
        }
    }

    /// The top of the value axis and its step: a round number at or above the largest value.
    static func scale(_ maximum: Double, counts: Bool = false) -> (top: Double, step: Double) {
        let target = max(maximum, counts ? 4 : 1) / 4
        var power = 1.0
        while power * 10 <= target { power *= 10 }
        while power > target { power /= 10 }
        let steps = counts && power < 10 ? [1.0, 2, 5, 10] : [1.0, 2, 2.5, 5, 10]
        let step = steps.map { $0 * power }.first { $0 >= target } ?? power * 10
        var top = step
        while top < maximum { top += step }
        return (top, step)
    }

    /// A coordinate with one decimal, so the SVG stays small and stable.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
