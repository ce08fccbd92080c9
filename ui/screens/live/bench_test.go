package live

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/screens/home"
	"parley/ui/uitest"
)

// BenchmarkKeystrokeThroughRoot1MB is one key typed into the notes of an
// interview holding 1 MB of notes, as the program runs it: the root's
// Update (routing the key to the top screen, wrapping the autosave timer
// it returns with the screen's address) and the whole frame's View. It
// reports the mean and the slowest keystroke.
func BenchmarkKeystrokeThroughRoot1MB(b *testing.B) {
	c, _, _ := uitest.NewTestCommon(b)
	iv := model.NewInterview(1, []string{"How did you come to this work?"}, uitest.TestStart)
	iv.ID, iv.Notes = 1, uitest.MegabyteOfNotes()
	var m tea.Model = app.NewApp(c, []common.Opener{home.OpenHome, OpenLive})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = m.Update(common.OpenInterviewMsg{Contact: model.Contact{ID: 1, Name: "Ana"}, Interview: iv})
	keys := [2]tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'x'}}, {Type: tea.KeyBackspace}}
	m, _ = m.Update(keys[0]) // the first frame lays out the notes once
	_ = m.View()
	var worst time.Duration
	i := 1
	for b.Loop() {
		t0 := time.Now()
		m, _ = m.Update(keys[i%2])
		_ = m.View()
		worst = max(worst, time.Since(t0))
		i++
	}
	b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/key")
}
