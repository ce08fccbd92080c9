package schedule

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
	"parley/store"
)

func TestScheduleFormMovesTheStage(t *testing.T) {
	cm, st, c := uitest.StoreCommon(t)
	var f common.Screen = NewScheduleForm(cm, c, model.Interview{})
	for range 3 { // to Minutes
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyRight}) // 20 → 30
	uitest.Submit(t, f)
	if uitest.StageOf(t, st, c.ID) != model.Scheduled {
		t.Fatalf("after scheduling: %s", uitest.StageOf(t, st, c.ID))
	}
	ivs, _ := st.Interviews(c.ID)
	if len(ivs) != 1 || ivs[0].Budget != 30*time.Minute || ivs[0].Scheduled.Mode != model.ModeVideo {
		t.Errorf("interview = %+v", ivs)
	}
}

// scheduleAt opens the form on a notebook whose clock reads now, with Ana
// Ruiz to schedule.
func scheduleAt(t *testing.T, now time.Time) (common.Screen, *common.Common, *store.Store, model.Contact) {
	t.Helper()
	cm, st, _ := uitest.NewTestCommonAt(t, now)
	c, err := st.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact, Created: now})
	if err != nil {
		t.Fatal(err)
	}
	return NewScheduleForm(cm, c, model.Interview{}).SetSize(80, 24), cm, st, c
}

// retype clears the focused field and types text, a key at a time.
func retype(f common.Screen, text string) common.Screen {
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	return uitest.TypeText(f, text)
}

// Dates are read as people write them, in the user's zone, and shown back
// as they are typed, before anything is saved.
func TestScheduleFormReadsDatesAsTyped(t *testing.T) {
	uitest.InEachZone(t, func(t *testing.T, loc *time.Location) {
		zone := loc.String()
		now := time.Date(2026, 11, 30, 9, 0, 0, 0, loc) // a Monday
		at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, loc) }
		for _, tc := range []struct {
			typed    string
			readBack string
			want     time.Time
		}{
			{"tomorrow 3pm", "→ Tue 1 Dec 2026 15:00 (tomorrow)", at(1, 15, 0)},
			{"next tue 10:00", "→ Tue 1 Dec 2026 10:00 (tomorrow)", at(1, 10, 0)},
			{"fri 9:30", "→ Fri 4 Dec 2026 09:30 (in 4 days)", at(4, 9, 30)},
			{"2026-12-03 14:30", "→ Thu 3 Dec 2026 14:30 (in 3 days)", at(3, 14, 30)},
		} {
			f, _, st, c := scheduleAt(t, now)
			f = retype(f, tc.typed)
			if view := f.View(); !strings.Contains(view, tc.readBack) {
				t.Errorf("%s: %q shows no %q:\n%s", zone, tc.typed, tc.readBack, view)
			}
			uitest.Submit(t, f)
			ivs, err := st.Interviews(c.ID)
			if err != nil || len(ivs) != 1 || !ivs[0].Scheduled.At.Equal(tc.want) {
				t.Errorf("%s: %q saved %+v, %v; want %v", zone, tc.typed, ivs, err, tc.want)
			}
		}
	})
}

// The read-back follows the text as it is typed: half a phrase says what
// it can take, the whole one what it means.
func TestScheduleFormReadBackFollowsTheTyping(t *testing.T) {
	f, _, _, _ := scheduleAt(t, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	f = retype(f, "tomo")
	if view := f.View(); !strings.Contains(view, "→ ? try tomorrow 3pm") {
		t.Errorf("half a phrase:\n%s", view)
	}
	f = uitest.TypeText(f, "rrow")
	if view := f.View(); !strings.Contains(view, "→ Tue 1 Dec 2026 (tomorrow), at what time?") {
		t.Errorf("a day without a time:\n%s", view)
	}
	f = uitest.TypeText(f, " 3pm")
	if view := f.View(); !strings.Contains(view, "→ Tue 1 Dec 2026 15:00 (tomorrow)") {
		t.Errorf("the whole phrase:\n%s", view)
	}
}

// A phrase that cannot be read, or a day without the time an interview
// needs, is refused at the field with an example, and nothing is saved.
func TestScheduleFormRefusesWhatItCannotRead(t *testing.T) {
	for typed, want := range map[string]string{
		"whenever":         `"whenever" is not a date Parley can read; type one like tomorrow 3pm`,
		"next tuesday":     "Add a time of day, like tue 10:00 or tue 3pm.",
		"next friday at 9": `Only "next friday" of "next friday at 9" could be read`,
	} {
		f, _, st, c := scheduleAt(t, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
		f = retype(f, typed)
		f, cmd := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
		if view := f.View(); cmd != nil || !strings.Contains(strings.Join(strings.Fields(view), " "), want) {
			t.Errorf("%q: saved (%v) or no %q under the field:\n%s", typed, cmd != nil, want, view)
		}
		if ivs, _ := st.Interviews(c.ID); len(ivs) != 0 {
			t.Errorf("%q was saved: %+v", typed, ivs)
		}
		// Typing again takes the problem away: the read-back speaks now.
		f = retype(f, "fri 10am")
		if view := f.View(); strings.Contains(view, "Parley can read") || !strings.Contains(view, "→ Fri 4 Dec 2026 10:00") {
			t.Errorf("%q, then fri 10am:\n%s", typed, view)
		}
	}
}

// On a 12-hour clock (the locale's, or the settings') the read-back and
// the confirmation say "3:00 pm".
func TestScheduleFormOnATwelveHourClock(t *testing.T) {
	f, cm, _, _ := scheduleAt(t, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	cm.Hours.Locale = model.Hours12
	f = retype(f, "tomorrow 15:00")
	if view := f.View(); !strings.Contains(view, "→ Tue 1 Dec 2026 3:00 pm (tomorrow)") {
		t.Errorf("12-hour locale:\n%s", view)
	}
	cm.Hours.Choose(model.Hours24)
	if view := f.View(); !strings.Contains(view, "→ Tue 1 Dec 2026 15:00 (tomorrow)") {
		t.Errorf("24 hours chosen over a 12-hour locale:\n%s", view)
	}
}

// The form as the user sees it, with a phrase typed and read back: plain,
// and in a fixed 256-colour profile (the read-back of the focused field is
// plain text, a field left behind muted).
func TestScheduleFormGolden(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	f, _, _, _ := scheduleAt(t, now)
	f = retype(f, "fri 3pm")
	uitest.Golden(t, "schedule_read_back_80x24", f.View())

	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	cm, st, _ := uitest.NewTestCommonAt(t, now)
	colour := common.NewStyles(false)
	cm.Styles = &colour
	c, err := st.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact, Created: now})
	if err != nil {
		t.Fatal(err)
	}
	f = retype(NewScheduleForm(cm, c, model.Interview{}).SetSize(80, 24), "fri 3pm")
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab})
	uitest.Golden(t, "colour_schedule_read_back_80x24", f.View())
}

// A new interview's suggested time is replaced by what is typed (found by
// a tester: "2026-12-01 10:00tomorrow 3pm"); an arrow or backspace edits
// it instead; a time already agreed is edited, never replaced.
func TestScheduleFormSuggestionIsReplacedByTyping(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	f, _, _, _ := scheduleAt(t, now)
	f = uitest.TypeText(f, "tomorrow 3pm")
	if view := f.View(); !strings.Contains(view, "→ Tue 1 Dec 2026 15:00 (tomorrow)") || strings.Contains(view, "10:00tomorrow") {
		t.Errorf("typing over the suggestion:\n%s", view)
	}
	f, _, _, _ = scheduleAt(t, now)
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	f = uitest.TypeText(f, "30")
	if view := f.View(); !strings.Contains(view, "2026-12-01 10:30") {
		t.Errorf("editing the suggestion:\n%s", view)
	}
	cm, st, _ := uitest.NewTestCommonAt(t, now)
	c, err := st.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.Scheduled, Created: now})
	if err != nil {
		t.Fatal(err)
	}
	agreed := model.Schedule{At: time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC), Mode: model.ModeVideo, Length: 20 * time.Minute}
	var g common.Screen = NewScheduleForm(cm, c, model.Interview{ID: 7, ContactID: c.ID, Scheduled: &agreed}).SetSize(80, 24)
	g = uitest.TypeText(g, "5")
	if view := g.View(); !strings.Contains(view, "2026-12-02 14:005") {
		t.Errorf("an agreed time must be edited, not replaced:\n%s", view)
	}
}
