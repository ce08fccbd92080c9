package logform

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func TestLogFormMovesTheStage(t *testing.T) {
	cm, st, c := uitest.StoreCommon(t)
	msgs := uitest.Submit(t, NewLogForm(cm, c, model.KindRequest))
	if uitest.StageOf(t, st, c.ID) != model.RequestSent {
		t.Fatalf("after logging a request: %s (%v)", uitest.StageOf(t, st, c.ID), msgs)
	}
	its, _ := st.Interactions(c.ID)
	if len(its) != 1 || !its[0].At.Equal(uitest.TestNow.Truncate(time.Minute)) {
		t.Errorf("timeline = %+v", its)
	}
}

// The entry's date is typed as people write it, read in the user's zone;
// a day alone is that day.
func TestLogFormReadsDatesAsTyped(t *testing.T) {
	uitest.InEachZone(t, func(t *testing.T, loc *time.Location) {
		zone := loc.String()
		now := time.Date(2026, 11, 30, 9, 0, 0, 0, loc)
		for typed, want := range map[string]time.Time{
			"yesterday 4pm": time.Date(2026, 11, 29, 16, 0, 0, 0, loc),
			"2026-11-27":    time.Date(2026, 11, 27, 0, 0, 0, 0, loc),
		} {
			cm, st, _ := uitest.NewTestCommonAt(t, now)
			c, err := st.PutContact(model.Contact{Name: "Ana Ruiz", Stage: model.ToContact, Created: now})
			if err != nil {
				t.Fatal(err)
			}
			var f common.Screen = NewLogForm(cm, c, model.KindRequest).SetSize(80, 24)
			f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab}) // to When
			f, _ = f.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
			f = uitest.TypeText(f, typed)
			uitest.Submit(t, f)
			its, err := st.Interactions(c.ID)
			if err != nil || len(its) != 1 || !its[0].At.Equal(want) {
				t.Errorf("%s: %q logged %+v, %v; want %v", zone, typed, its, err, want)
			}
		}
	})
}
