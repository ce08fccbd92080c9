package live

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/ui/uitest"
)

// Folded to one line with every closing step done, the closing steps say
// so in words apart from the count.
func TestFoldedClosingLineWhenAllDone(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	s := liveOf(d)
	for i := range s.Interview.Closing {
		s.Interview.Closing[i].Asked = true
	}
	n := len(s.Interview.Closing)
	if got, want := s.closingLine(s.prompt(), 80), fmt.Sprintf("Closing %d/%d · done", n, n); !strings.Contains(got, want) {
		t.Errorf("closing line %q, want %q in it", got, want)
	}
}

// A longer budget that hides the closing steps again takes the cursor off
// them, to the question on the top line.
func TestLongerBudgetTakesTheCursorOffHiddenClosingSteps(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(21 * time.Minute) // over time: the closing steps show
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s := liveOf(d)
	s.cursor = s.checklistRows() - 1 // the last closing step
	s.setBudget(30 * time.Minute)
	if s.closingVisible() {
		t.Fatal("the closing steps still show with 9 minutes left")
	}
	if s.cursor >= s.checklistRows() {
		t.Errorf("the cursor is on row %d of %d shown", s.cursor, s.checklistRows())
	}
}
