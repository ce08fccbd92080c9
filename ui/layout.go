package ui

import (
	"fmt"
	"parley/model"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// truncateCells cuts s, which may hold styling, to at most w cells.
func truncateCells(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// fit makes a block exactly h lines high, each no wider than w cells, so a
// screen can never push the footer off or wrap in a small terminal.
func fit(block string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// cellWidth is the display width of s, styling excluded.
func cellWidth(s string) int { return ansi.StringWidth(s) }

// subtitleSuffix is " · role, organisation", or nothing when neither is known.
func subtitleSuffix(c model.Contact) string {
	if s := c.Subtitle(); s != "" {
		return " · " + s
	}
	return ""
}

// plural picks the word for a count: plural(1, "day", "days").
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// smallScreenRows is the height below which the list and What's next drop
// their stage counts, which would otherwise leave no room for a single row.
const smallScreenRows = 12

// wrapWords breaks text into lines of at most w cells at spaces.
func wrapWords(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && cellWidth(line)+1+cellWidth(word) > w {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		out = append(out, line)
	}
	return out
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-cellWidth(s), 0))
}

// stageCountsView is the count per stage, wrapped to the width, each
// stage in its colour.
func stageCountsView(st *Styles, counts []model.StageCount, width int) string {
	var lines []string
	line, w := "", 0
	for _, sc := range counts {
		piece := fmt.Sprintf("%s %d", sc.Stage, sc.Count)
		pw := cellWidth(piece)
		if w > 0 && w+3+pw > width {
			lines, line, w = append(lines, line), "", 0
		}
		if w > 0 {
			line += st.Muted.Render(" · ")
			w += 3
		}
		line += st.StageStyle(sc.Stage).Render(piece)
		w += pw
	}
	return strings.Join(append(lines, line), "\n")
}

// dateTimeLayout is how dates are typed in forms: unambiguous in every
// locale, and sortable.
const dateTimeLayout = "2006-01-02 15:04"

// cycle returns the item after (or before, for delta -1) cur in list.
func cycle[T comparable](list []T, cur T, delta int) T {
	for i, v := range list {
		if v == cur {
			return list[(i+delta+len(list))%len(list)]
		}
	}
	return list[0]
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
