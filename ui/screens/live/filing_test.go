package live

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/uitest"
)

// setBudgetOther sets the budget the way a new user did on the live
// screen: b, typed into the notes (they have focus) and taken back, then
// esc to the questions, b, "other", and the minutes typed over the ones
// offered.
func setBudgetOther(d *uitest.Driver, minutes string) {
	d.T.Helper()
	d.Send(uitest.KeyRunes("b"))
	d.Send(uitest.KeyType(tea.KeyBackspace))
	d.Send(uitest.KeyType(tea.KeyEsc)) // to the questions
	d.Send(uitest.KeyRunes("b"))
	for range len(budgetChoices) {
		d.Send(uitest.KeyType(tea.KeyRight)) // to "other"
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	// The field opens empty: what is typed is the whole number.
	d.TypeText(minutes)
	d.Send(uitest.KeyType(tea.KeyEnter))
	d.Send(uitest.KeyType(tea.KeyTab)) // back to the notes
}

// The new-user run: a two-minute budget puts the must-ask question (the
// second) on the top line from the first second. The note typed then (in
// the paragraph a stray key made before the clock started), the ctrl+d
// that follows and a starred note after it all go with the question the
// top line shows at that moment, stamped with the clock at that moment.
func TestShortBudgetFilesUnderTheMustAskShown(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	setBudgetOther(d, "2")
	if b := liveOf(d).Interview.Budget; b != 2*time.Minute {
		t.Fatalf("budget = %v, want 2m", b)
	}
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(time.Second)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := d.View(); !strings.Contains(v, "Must ask (1 left) ▸ What does an ordinary week look like?") {
		t.Fatalf("top line at 00:01:\n%s", v)
	}
	must, first := liveOf(d).Interview.Questions[1], liveOf(d).Interview.Questions[0]
	d.TypeText("An ordinary week: meetings")
	clk.Advance(12 * time.Second)
	d.Send(uitest.KeyType(tea.KeyCtrlD))
	iv := liveOf(d).Interview
	if !iv.Questions[1].Asked || iv.Questions[1].AskedAt != 13*time.Second || iv.Questions[0].Asked {
		t.Errorf("ctrl+d ticked %+v, want only the must-ask at 00:13", iv.Questions[:2])
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	clk.Advance(5 * time.Second)
	d.TypeText("How the field changed")
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s"), Alt: true})
	notes := liveOf(d).notes.Notes()
	if len(notes) != 2 {
		t.Fatalf("notes = %+v", notes)
	}
	if notes[0].QuestionID != must.ID || notes[0].At != time.Second || notes[0].Starred {
		t.Errorf("first note = %+v, want under the must-ask (question %d) at 00:01, not starred", notes[0], must.ID)
	}
	// The must-ask is asked: the top line is back to the first question.
	if notes[1].QuestionID != first.ID || notes[1].At != 18*time.Second || !notes[1].Starred {
		t.Errorf("second note = %+v, want starred under question %d at 00:18", notes[1], first.ID)
	}
}

// The live b changes the scheduled length with the budget, as the prepare
// screen does: they are one promise, and What's next shows the length.
func TestLiveBudgetChangesTheScheduledLength(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := liveWith(t, c, s, 80, 24, ana(), func(iv *model.Interview) {
		manyQuestions(iv)
		iv.ApplySchedule(model.Schedule{At: uitest.TestStart.Add(time.Hour), Length: 20 * time.Minute})
	})
	d.Send(uitest.KeyType(tea.KeyEsc)) // to the questions
	d.Send(uitest.KeyRunes("b"))
	d.Send(uitest.KeyType(tea.KeyRight)) // 30 min
	d.Send(uitest.KeyType(tea.KeyEnter))
	if iv := liveOf(d).Interview; iv.Budget != 30*time.Minute || iv.Scheduled.Length != 30*time.Minute {
		t.Errorf("after choosing 30 min: budget %v, scheduled length %v", iv.Budget, iv.Scheduled.Length)
	}
	setBudgetOther(d, "2")
	if iv := liveOf(d).Interview; iv.Budget != 2*time.Minute || iv.Scheduled.Length != 2*time.Minute {
		t.Errorf("after typing 2 minutes: budget %v, scheduled length %v", iv.Budget, iv.Scheduled.Length)
	}
	if d.Fire(IsAutosave) == 0 {
		t.Fatal("no save was scheduled")
	}
	stored, err := s.Interview(liveOf(d).Interview.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Budget != 2*time.Minute || stored.Scheduled == nil || stored.Scheduled.Length != 2*time.Minute {
		t.Errorf("stored: budget %v, schedule %+v", stored.Budget, stored.Scheduled)
	}
}

// Over time with every closing step ticked, the top line says only what
// is left to do: end the interview.
func TestOverTimeWithClosingDoneSaysHowToEnd(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(20*time.Minute + 11*time.Second)
	for range len(liveOf(d).Interview.Closing) {
		d.Send(uitest.KeyType(tea.KeyCtrlD)) // over time, ctrl+d ticks the closing step shown
	}
	v := d.View()
	if !strings.Contains(v, "Over time ▸ ctrl+e ends the interview") || strings.Contains(v, "thank them") {
		t.Errorf("over time, closing done:\n%s", v)
	}
}
