package ui

import (
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
