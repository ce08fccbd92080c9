package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		a := sizedApp(t, w, h, fixtureNotebook())
		golden(t, fmt.Sprintf("home_%dx%d", w, h), a.View())
		a = appSend(t, a, keyRunes("c"))
		golden(t, fmt.Sprintf("list_%dx%d", w, h), a.View())
	}
	golden(t, "home_empty_80x24", sizedApp(t, 80, 24, notebook{}).View())
}

// TestGoldenScreensInColour draws every main screen with the theme on, in
// a fixed 256-colour profile, so the theme itself is under test: a style
// lost or a colour changed shows here, where the plain goldens are blind.
func TestGoldenScreensInColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	c, s, _ := newTestCommonAt(t, harnessNow)
	colour := NewStyles(false)
	c.styles = &colour
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council",
		Stage: model.ToContact, Created: harnessNow, Updated: harnessNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: "Sam Lee", Intro: "I study geography.", Exploring: "planning", Contact: "sam@example.org"}); err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(ana.ID, []string{"How did you come to this work?", "What does a week look like?"}, harnessNow)
	iv.Questions[1].MustAsk = true
	iv, err = s.ScheduleInterview(iv, model.Schedule{At: harnessNow.Add(2 * time.Hour), Mode: model.ModeVideo, Length: 20 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.failOnError = true
	screens := []struct {
		name string
		open tea.Msg
	}{
		{"list", pushMsg{newContactList(c)}},
		{"contact", pushMsg{newContactPage(c, ana)}},
		{"interview", openInterviewMsg{ana, iv}},
		{"plan", pushMsg{newPlanScreen(c, ana)}},
		{"bank", pushMsg{newBankScreen(c)}},
		{"compose", pushMsg{newComposeScreen(c, ana)}},
		{"templates", pushMsg{newTemplatesScreen(c)}},
		{"settings", pushMsg{newSettingsScreen(c)}},
	}
	golden(t, "colour_home_80x24", d.view())
	for _, sc := range screens {
		d.send(sc.open)
		golden(t, "colour_"+sc.name+"_80x24", d.view())
		d.send(popMsg{})
	}
}
