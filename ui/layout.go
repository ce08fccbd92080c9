package ui

import (
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
