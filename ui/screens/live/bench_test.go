package live

import (
	"strings"
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

// BenchmarkClockTickThroughRoot is one second of an interview left running
// with nobody typing, at 120x40: the clock's tick through the root's
// Update and the whole frame's View. An idle live screen does this once a
// second, so its allocations are what the collector later has to clear.
func BenchmarkClockTickThroughRoot(b *testing.B) {
	c, _, clk := uitest.NewTestCommon(b)
	questions := []string{
		"How did you come to this work?", "What does a usual week look like?",
		"What surprised you most in your first year?", "Which skills matter more than people think?",
		"What would you do differently starting today?", "How is the field changing?",
		"Who else should I talk to?", "Is there anything I should have asked?",
	}
	iv := model.NewInterview(1, questions, uitest.TestStart)
	iv.ID = 1
	for i := range 3 {
		iv.Questions[i].Asked = true
		iv.Questions[i].AskedAt = time.Duration(i+1) * 2 * time.Minute
	}
	for i := range 30 {
		iv.Notes = append(iv.Notes, model.Note{At: time.Duration(i) * 15 * time.Second, QuestionID: iv.Questions[i/10].ID,
			Text: strings.Repeat("Started in support, moved to ops after two years; mentions on-call load. ", 1+i%4)})
	}
	var m tea.Model = app.NewApp(c, []common.Opener{home.OpenHome, OpenLive})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = m.Update(common.OpenInterviewMsg{Contact: model.Contact{ID: 1, Name: "Ana"}, Interview: iv})
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlT})
	var tick tea.Msg
	for _, msg := range uitest.Collect(cmd) {
		if r, ok := msg.(app.RoutedMsg); ok {
			if t, ok := r.Msg.(uitest.TimerMsg); ok {
				if _, ok := t.Fired().(clockTickMsg); ok {
					tick = r.Readdressed(t.Fired())
				}
			}
		}
	}
	if tick == nil {
		b.Fatal("starting the clock set no tick")
	}
	_ = m.View()
	var worst time.Duration
	for b.Loop() {
		clk.Advance(time.Second)
		t0 := time.Now()
		m, _ = m.Update(tick)
		_ = m.View()
		worst = max(worst, time.Since(t0))
	}
	b.ReportMetric(float64(worst.Nanoseconds()), "worst-ns/tick")
}
