package notes

import (
	"parley/ui/safetext"
	"sort"

	"github.com/mattn/go-runewidth"
)

// span is one wrapped screen line of a paragraph: runes [start, end).
type span struct{ start, end int }

// wrapRunes word-wraps text into lines of at most width cells. Hard line
// breaks ('\n') end a line and belong to no span. It never returns zero
// spans, so an empty paragraph still has a line for the caret.
func wrapRunes(text []rune, width int) []span {
	var out []span
	for start := 0; start >= 0; {
		var s span
		s, start = nextSpan(text, start, width)
		out = append(out, s)
	}
	return out
}

// nextSpan wraps the one line that starts at start, and says where the next
// line starts (-1 after the last). Greedy wrapping is memoryless at a line
// start, which is what lets rewrapEdit resume from any line.
func nextSpan(text []rune, start, width int) (span, int) {
	width = max(width, 1)
	cells, lastSpace := 0, -1
	for i := start; i < len(text); i++ {
		r := text[i]
		if r == '\n' {
			return span{start, i}, i + 1
		}
		w := drawnWidth(r)
		if cells+w > width && i > start {
			brk := i
			if lastSpace >= start {
				brk = lastSpace + 1
			}
			return span{start, brk}, brk
		}
		cells += w
		if r == ' ' {
			lastSpace = i
		}
	}
	return span{start, len(text)}, -1
}

// rewrapEdit updates the wrapping of text after an edit that replaced the
// runes from editStart with new ones ending at editEnd, shifting what
// followed by delta. It re-wraps from the line before the edit only until a
// line starts where an old one did, then reuses the old lines: typing in a
// long paragraph costs a line or two of wrapping, not the whole paragraph.
func rewrapEdit(old []span, text []rune, editStart, editEnd, delta, width int) []span {
	k := sort.Search(len(old), func(i int) bool { return old[i].start > editStart }) - 1
	k = max(k-1, 0)
	if k >= len(old) {
		return wrapRunes(text, width)
	}
	out := make([]span, k, len(old)+2)
	copy(out, old[:k])
	for start := old[k].start; start >= 0; {
		var s span
		s, start = nextSpan(text, start, width)
		out = append(out, s)
		if start < editEnd || start < 0 {
			continue
		}
		oldStart := start - delta
		j := sort.Search(len(old), func(i int) bool { return old[i].start >= oldStart })
		if j < len(old) && old[j].start == oldStart {
			for _, o := range old[j:] {
				out = append(out, span{o.start + delta, o.end + delta})
			}
			return out
		}
	}
	return out
}

// lineOf is the index of the span holding rune position pos. A position at
// the very end of a wrapped (not hard-broken) line belongs to the next line,
// where typing would put the next character.
func lineOf(spans []span, pos int) int {
	// The first span that ends after pos, or ends at pos on a hard break.
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end >= pos })
	if i >= len(spans) {
		return len(spans) - 1
	}
	if spans[i].end == pos && i+1 < len(spans) && spans[i+1].start == pos {
		return i + 1
	}
	return i
}

// columnAt is the rune position in span s closest to display column col.
func columnAt(text []rune, s span, col int) int {
	cells := 0
	for i := s.start; i < s.end; i++ {
		w := drawnWidth(text[i])
		if cells+w > col {
			return i
		}
		cells += w
	}
	return s.end
}

// drawnWidth is the width of r as the pane draws it: notes hold whatever
// was pasted, imported or read back from $EDITOR, and are drawn through
// safetext, where a control character becomes a visible picture and a
// hidden one nothing. Wrapping must measure what is drawn.
func drawnWidth(r rune) int {
	if r >= 0x20 && r < 0x7f {
		return 1
	}
	return runewidth.StringWidth(safetext.Line(string(r)))
}

// cellsBetween is the display width of text[from:to].
func cellsBetween(text []rune, from, to int) int {
	cells := 0
	for i := from; i < to; i++ {
		cells += drawnWidth(text[i])
	}
	return cells
}
