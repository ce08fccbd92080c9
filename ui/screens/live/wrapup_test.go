package live

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
	"parley/ui/uitest"
)

// atThankYouDue holds a ten-minute interview, ends it, and puts the
// cursor in the wrap-up's thank-you date.
func atThankYouDue(t *testing.T) (*uitest.Driver, *store.Store) {
	t.Helper()
	d, s, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(10 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	d.Send(uitest.KeyType(tea.KeyTab)) // referrals
	d.Send(uitest.KeyType(tea.KeyTab)) // thank-you due
	return d, s
}

// A thank-you date that cannot be read never replaces the last good one,
// and leaving the field says which date stands.
func TestWrongThankYouDateKeepsTheLastGoodOne(t *testing.T) {
	d, s := atThankYouDue(t)
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("2026-11-25")
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("2026-13-45")
	if v := d.View(); !strings.Contains(v, "it stays Wed 25 Nov 2026 until a date is read") {
		t.Errorf("no warning for a wrong date:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyTab)) // leave the field
	d.Fire(IsAutosave)
	iv, _ := s.Interview(liveOf(d).Interview.ID)
	if got := iv.WrapUp.ThankYouDue.Format(time.DateOnly); got != "2026-11-25" {
		t.Errorf("thank-you due = %s, want the last good date", got)
	}
	if v := d.View(); strings.Contains(v, "2026-13-45") {
		t.Errorf("the wrong date is still shown:\n%s", v)
	}
}

// A thank-you cannot fall due before the interview it thanks for.
func TestThankYouDateBeforeTheInterviewIsRefused(t *testing.T) {
	d, s := atThankYouDue(t)
	before := uitest.TestStart.AddDate(0, 0, -1).Format(time.DateOnly)
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText(before)
	if v := d.View(); !strings.Contains(v, "cannot be due before the interview") {
		t.Errorf("a date before the interview was not refused:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyTab))
	d.Fire(IsAutosave)
	iv, _ := s.Interview(liveOf(d).Interview.ID)
	if got := iv.WrapUp.ThankYouDue.Format(time.DateOnly); got == before {
		t.Errorf("thank-you due = %s, before the interview", got)
	}
}

func TestShiftTabGoesBackThroughTheWrapUp(t *testing.T) {
	d, _, _ := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	if iv := liveOf(d); iv.focus != paneWrapUp || iv.wrap.part != partTakeaways {
		t.Fatalf("after the end: focus %v part %v", iv.focus, iv.wrap.part)
	}
	d.Send(uitest.KeyType(tea.KeyShiftTab)) // back round to the questions
	if iv := liveOf(d); iv.focus != paneChecklist {
		t.Errorf("shift+tab from the takeaways: focus %v", iv.focus)
	}
	d.Send(uitest.KeyType(tea.KeyShiftTab))
	if iv := liveOf(d); iv.focus != paneNotes {
		t.Errorf("shift+tab from the questions: focus %v", iv.focus)
	}
	// The clock is done: ctrl+e does not offer to end it again.
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	if v := d.View(); strings.Contains(v, "End the interview?") {
		t.Errorf("offered to end an ended interview:\n%s", v)
	}
}

// Once a thank-you is on the timeline, the wrap-up says it was sent instead
// of showing a due date.
func TestWrapUpShowsThankYouSent(t *testing.T) {
	d, s, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	clk.Advance(20 * time.Minute)
	d.Send(uitest.KeyType(tea.KeyCtrlE))
	d.Send(uitest.KeyRunes("y"))
	iv := liveOf(d).Interview
	clk.Advance(24 * time.Hour)
	if _, err := s.AddInteraction(model.Interaction{ContactID: iv.ContactID, Kind: model.KindThankYou, At: clk.Now()}, true); err != nil {
		t.Fatal(err)
	}
	d.Send(uitest.KeyType(tea.KeyEsc)) // leave, and come back to it
	d.Send(uitest.KeyType(tea.KeyEnter))
	if v := d.View(); !strings.Contains(v, "Thank-you sent Mon 23 Nov 2026") || strings.Contains(v, "Thank-you due") {
		t.Errorf("wrap-up after the thank-you:\n%s", v)
	}
}
