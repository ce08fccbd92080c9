package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func TestScheduleFormMovesTheStage(t *testing.T) {
	cm, st, c := storeCommon(t)
	var f screen = newScheduleForm(cm, c, model.Interview{})
	for range 3 { // to Minutes
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyRight}) // 20 → 30
	submit(t, f)
	if stageOf(t, st, c.ID) != model.Scheduled {
		t.Fatalf("after scheduling: %s", stageOf(t, st, c.ID))
	}
	ivs, _ := st.Interviews(c.ID)
	if len(ivs) != 1 || ivs[0].Budget != 30*time.Minute || ivs[0].Scheduled.Mode != model.ModeVideo {
		t.Errorf("interview = %+v", ivs)
	}
}

func TestScheduleFormRejectsABadDate(t *testing.T) {
	cm, _, c := storeCommon(t)
	var f screen = newScheduleForm(cm, c, model.Interview{}).setSize(80, 24)
	for range 20 {
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	f = typeText(f, "next tuesday")
	f, cmd := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if cmd != nil || !strings.Contains(f.view(), "2025-03-14 15:30") {
		t.Error("a date that cannot be read should be flagged, not saved")
	}
}
