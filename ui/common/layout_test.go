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

// A wide character across an edge of the box is dropped whole; a space
// takes its column, so the box's borders stay in line on every row.
func TestPlaceOverKeepsBordersInLineOverWideCharacters(t *testing.T) {
	base := strings.Join([]string{"ab株式会社cdefgh", "abcdefghijklmn", "abcdefgh株式会社"}, "\n")
	box := "|XX|\n|YY|\n|ZZ|"
	out := strings.Split(PlaceOver(base, box, 14, 3), "\n")
	for i, line := range out {
		if CellWidth(line) != 14 {
			t.Errorf("row %d is %d cells wide: %q", i, CellWidth(line), line)
		}
		if first := strings.Index(line, "|"); CellWidth(line[:first]) != 5 {
			t.Errorf("row %d: the box starts at cell %d, want 5: %q", i, CellWidth(line[:first]), line)
		}
	}
}

func TestPlaceOverAtTheRightEdgeOfWideText(t *testing.T) {
	base := "株式会社株式会"
	for _, box := range []string{"|X|", "|XY|", "|"} {
		for w := 3; w <= 14; w++ {
			if got := PlaceOver(base, box, w, 1); CellWidth(got) != w {
				t.Errorf("box %q at width %d: %q is %d cells", box, w, got, CellWidth(got))
			}
		}
	}
}

// A FitKeeper gives what Fit gives, frame after frame, as lines change,
// the window narrows and widens and blocks grow and shrink.
func TestFitKeeperFitsAsFitDoes(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	red := r.NewStyle().Foreground(lipgloss.Color("160"))
	words := []string{"clock 19:57 left", red.Render("Must ask ▸ Who else should I talk to?"), "你好世界你好世界你好世界",
		"", strings.Repeat("─", 70), red.Render(strings.Repeat("x", 30)) + "tail"}
	var k FitKeeper
	for frame := range 200 {
		// The content, the width and the height each change every few
		// frames, out of step with each other.
		c := frame / 4
		var lines []string
		for i := range c%9 + 1 {
			lines = append(lines, words[(c*7+i*3)%len(words)]+strings.Repeat("y", c%5))
		}
		block := strings.Join(lines, "\n")
		w, h := 12+frame/3%3*20, 1+frame/5%6
		if got, want := k.Fit(block, w, h), Fit(block, w, h); got != want {
			t.Fatalf("frame %d at %dx%d:\n%q\nwant\n%q", frame, w, h, got, want)
		}
	}
}
