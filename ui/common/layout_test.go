package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// A box drawn over a coloured screen keeps both sides' styles as styles:
// none of their escape sequences may turn into visible ␛ pictures, and no
// line grows past the width.
func TestPlaceOverKeepsStylesAsStyles(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	red := r.NewStyle().Foreground(lipgloss.Color("160"))
	blue := r.NewStyle().Foreground(lipgloss.Color("27")).Border(lipgloss.RoundedBorder())
	base := strings.Repeat(red.Render(strings.Repeat("background ", 8))+"\n", 10)
	box := blue.Render("Delete Ana Ruiz?\n\ny yes · n no")
	out := PlaceOver(base, box, 60, 10)
	if strings.Contains(out, "␛") {
		t.Fatalf("escape sequences shown as text:\n%s", out)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := CellWidth(l); w > 60 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
	if !strings.Contains(out, "Delete Ana Ruiz?") || !strings.Contains(out, "╮") {
		t.Errorf("box not whole:\n%s", out)
	}
}
