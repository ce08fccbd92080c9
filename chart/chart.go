// Package chart draws small text charts — a sparkline, a bar — for the
// progress shown on screen and printed by the command line. The charts are
// plain text: no colour, so they read the same under NO_COLOR, and an ASCII
// set of glyphs for terminals without block characters (TERM=linux). What
// is drawn is fitted to a width in terminal cells.
package chart

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Glyphs is the set of characters a chart is drawn with.
type Glyphs int

// The glyph sets. Block characters are "ambiguous width": a terminal set
// for East Asian text draws them two cells wide, and the charts then fit
// half as many in the same width.
const (
	Blocks Glyphs = iota
	ASCII
)

// levels are a sparkline's heights, lowest first; zero has its own glyph,
// so an empty week is visible and never mistaken for a small one.
var levels = map[Glyphs][]rune{
	Blocks: []rune("▂▃▄▅▆▇█"),
	ASCII:  []rune(".:-=+*#"),
}

const zeroGlyph = '_'

// barGlyphs are a bar's filled and empty cells.
var barGlyphs = map[Glyphs][2]rune{
	Blocks: {'█', '░'},
	ASCII:  {'#', '.'},
}

// cells is how wide the terminal draws r, by go-runewidth's reading of the
// environment (RUNEWIDTH_EASTASIAN, the locale).
func cells(r rune) int { return max(runewidth.RuneWidth(r), 1) }

// Sparkline draws values one glyph each, as high as the value against the
// largest of the values and ref (pass a goal as ref so its height stays put
// from week to week; 0 for none). When not all fit in width cells the
// latest, at the end, are kept. Negative values count as zero.
func Sparkline(values []int, ref, width int, g Glyphs) string {
	return sparkline(values, ref, width, levels[g], cells)
}

func sparkline(values []int, ref, width int, lv []rune, cellsOf func(rune) int) string {
	glyphWidth := max(cellsOf(lv[len(lv)-1]), cellsOf(zeroGlyph))
	fit := max(width, 0) / glyphWidth
	if len(values) > fit {
		values = values[len(values)-fit:]
	}
	top := max(ref, 0)
	for _, v := range values {
		top = max(top, v)
	}
	var b strings.Builder
	for _, v := range values {
		if v <= 0 || top == 0 {
			b.WriteRune(zeroGlyph)
			pad(&b, glyphWidth-cellsOf(zeroGlyph))
			continue
		}
		// Round up, so any value above zero shows at least the lowest level.
		i := (v*len(lv) + top - 1) / top
		r := lv[min(max(i, 1), len(lv))-1]
		b.WriteRune(r)
		pad(&b, glyphWidth-cellsOf(r))
	}
	return b.String()
}

func pad(b *strings.Builder, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// Bar draws value out of total as a bar width cells wide: filled cells for
// the share done, empty ones for the rest. A value beyond total fills the
// bar; a total of zero or less draws an empty bar.
func Bar(value, total, width int, g Glyphs) string {
	return bar(value, total, width, barGlyphs[g], cells)
}

func bar(value, total, width int, glyphs [2]rune, cellsOf func(rune) int) string {
	glyphWidth := max(cellsOf(glyphs[0]), cellsOf(glyphs[1]))
	n := max(width, 0) / glyphWidth
	filled := 0
	if total > 0 {
		filled = min(max(value, 0), total) * n
		filled = (filled*2 + total) / (2 * total) // rounded to the nearest cell
	}
	return strings.Repeat(string(glyphs[0]), filled) + strings.Repeat(string(glyphs[1]), n-filled)
}
