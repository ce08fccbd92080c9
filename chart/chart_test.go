package chart

import (
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// narrow and eastAsian stand in for the terminal, so no test depends on
// the machine's locale or RUNEWIDTH_EASTASIAN.
func narrow(rune) int { return 1 }

func eastAsian(r rune) int {
	if r >= 0x80 {
		return 2
	}
	return 1
}

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []int
		ref    int
		width  int
		glyphs Glyphs
		cells  func(rune) int
		want   string
	}{
		{"blocks", []int{0, 1, 2, 3, 4, 7}, 0, 10, Blocks, narrow, "_▂▃▄▅█"},
		{"ascii", []int{0, 1, 2, 3, 4, 7}, 0, 10, ASCII, narrow, "_.:-=#"},
		{"goal sets the scale", []int{1, 2}, 7, 10, ASCII, narrow, ".:"},
		{"over the goal", []int{2, 4}, 2, 10, ASCII, narrow, "=#"},
		{"latest kept", []int{1, 2, 3, 4, 5, 6, 7}, 0, 3, ASCII, narrow, "+*#"},
		{"all zero", []int{0, 0, -1}, 0, 10, Blocks, narrow, "___"},
		{"no room", []int{1}, 0, 0, Blocks, narrow, ""},
		{"wide blocks", []int{0, 3, 7}, 0, 5, Blocks, eastAsian, "▄█"},
		{"wide blocks pad the zero", []int{0, 3, 7}, 0, 6, Blocks, eastAsian, "_ ▄█"},
		{"wide blocks, ascii stays narrow", []int{0, 3, 7}, 0, 5, ASCII, eastAsian, "_-#"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sparkline(tc.values, tc.ref, tc.width, levels[tc.glyphs], tc.cells)
			if got != tc.want {
				t.Errorf("sparkline = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBar(t *testing.T) {
	for _, tc := range []struct {
		name                string
		value, total, width int
		glyphs              Glyphs
		cells               func(rune) int
		want                string
	}{
		{"half", 1, 2, 10, ASCII, narrow, "#####....."},
		{"rounded", 1, 3, 10, Blocks, narrow, "███░░░░░░░"},
		{"full past the total", 9, 2, 4, ASCII, narrow, "####"},
		{"nothing", 0, 5, 4, ASCII, narrow, "...."},
		{"no total", 3, 0, 4, ASCII, narrow, "...."},
		{"negative", -2, 5, 4, ASCII, narrow, "...."},
		{"wide blocks fit half", 1, 2, 9, Blocks, eastAsian, "██░░"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bar(tc.value, tc.total, tc.width, barGlyphs[tc.glyphs], tc.cells); got != tc.want {
				t.Errorf("bar = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestChartsFitTheTerminal checks the public functions against this
// terminal's own widths, whatever they are: never wider than asked.
func TestChartsFitTheTerminal(t *testing.T) {
	values := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	for _, g := range []Glyphs{Blocks, ASCII} {
		for width := 0; width <= 13; width++ {
			s := Sparkline(values, 2, width, g)
			if w := runewidth.StringWidth(s); w > width {
				t.Errorf("Sparkline(width %d, glyphs %d) = %q is %d cells", width, g, s, w)
			}
			b := Bar(3, 7, width, g)
			if w := runewidth.StringWidth(b); w > width || (width > 1 && utf8.RuneCountInString(b) == 0) {
				t.Errorf("Bar(width %d, glyphs %d) = %q is %d cells", width, g, b, w)
			}
		}
	}
}
