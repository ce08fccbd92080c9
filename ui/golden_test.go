package ui

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/screens/bank"
	"parley/ui/screens/compose"
	"parley/ui/screens/contactpage"
	"parley/ui/screens/contacts"
	"parley/ui/screens/plan"
	"parley/ui/screens/settings"
	"parley/ui/screens/templates"
	"parley/ui/uitest"
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
		a := uitest.SizedApp(t, w, h, uitest.FixtureNotebook())
		uitest.Golden(t, fmt.Sprintf("home_%dx%d", w, h), a.View())
		a = uitest.AppSend(t, a, uitest.KeyRunes("c"))
		uitest.Golden(t, fmt.Sprintf("list_%dx%d", w, h), a.View())
	}
	uitest.Golden(t, "home_empty_80x24", uitest.SizedApp(t, 80, 24, common.Notebook{}).View())
}

// TestGoldenScreensInColour draws every main screen with the theme on, in
// a fixed 256-colour profile, so the theme itself is under test: a style
// lost or a colour changed shows here, where the plain goldens are blind.
func TestGoldenScreensInColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	c, s, _ := uitest.NewTestCommonAt(t, uitest.HarnessNow)
	colour := common.NewStyles(false)
	c.Styles = &colour
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council",
		Stage: model.ToContact, Created: uitest.HarnessNow, Updated: uitest.HarnessNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: "Sam Lee", Intro: "I study geography.", Exploring: "planning", Contact: "sam@example.org"}); err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(ana.ID, []string{"How did you come to this work?", "What does a week look like?"}, uitest.HarnessNow)
	iv.Questions[1].MustAsk = true
	iv, err = s.ScheduleInterview(iv, model.Schedule{At: uitest.HarnessNow.Add(2 * time.Hour), Mode: model.ModeVideo, Length: 20 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	screens := []struct {
		name string
		open tea.Msg
	}{
		{"list", common.PushMsg{S: contacts.NewContactList(c)}},
		{"contact", common.PushMsg{S: contactpage.NewContactPage(c, ana)}},
		{"interview", common.OpenInterviewMsg{Contact: ana, Interview: iv}},
		{"plan", common.PushMsg{S: plan.NewPlanScreen(c, ana)}},
		{"bank", common.PushMsg{S: bank.NewBankScreen(c)}},
		{"compose", common.PushMsg{S: compose.NewComposeScreen(c, ana)}},
		{"templates", common.PushMsg{S: templates.NewTemplatesScreen(c)}},
		{"settings", common.PushMsg{S: settings.NewSettingsScreen(c)}},
	}
	uitest.Golden(t, "colour_home_80x24", d.View())
	for _, sc := range screens {
		d.Send(sc.open)
		uitest.Golden(t, "colour_"+sc.name+"_80x24", d.View())
		d.Send(common.PopMsg{})
	}
}
