package schedule

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
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

func TestScheduleFormRejectsABadDate(t *testing.T) {
	cm, _, c := uitest.StoreCommon(t)
	var f common.Screen = NewScheduleForm(cm, c, model.Interview{}).SetSize(80, 24)
	for range 20 {
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	f = uitest.TypeText(f, "next tuesday")
	f, cmd := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if cmd != nil || !strings.Contains(f.View(), "2025-03-14 15:30") {
		t.Error("a date that cannot be read should be flagged, not saved")
	}
}
