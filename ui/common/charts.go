package common

import "parley/chart"

// ChartGlyphs is the glyph set the charts are drawn with: ASCII on the
// Linux console, whose font has no block characters; blocks elsewhere.
func (c *Common) ChartGlyphs() chart.Glyphs {
	if NeedsASCII(c.Env()("TERM")) {
		return chart.ASCII
	}
	return chart.Blocks
}
