package ui

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/screens/bank"
	"parley/ui/screens/contactform"
	"parley/ui/screens/logform"
	"parley/ui/screens/profile"
	"parley/ui/screens/schedule"
	"parley/ui/screens/settings"
	"parley/ui/screens/templateform"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Every screen that takes text keeps it when the program stops with the
// screen open: ctrl+c here, and SIGTERM or SIGHUP, which reach the app as
// a ShutdownMsg and end in the same flush.
func TestCtrlCKeepsTypedText(t *testing.T) {
	cases := []struct {
		name  string
		open  func(c *common.Common, contact model.Contact, s *store.Store) common.Screen
		keys  []string
		check func(s *store.Store, contact model.Contact) string
	}{{
		name: "contact form",
		open: func(c *common.Common, _ model.Contact, _ *store.Store) common.Screen {
			return contactform.NewContactForm(c, model.Contact{})
		},
		keys: []string{"type:Zoe Park"},
		check: func(s *store.Store, _ model.Contact) string {
			cs, _ := s.Contacts()
			for _, c := range cs {
				if c.Name == "Zoe Park" {
					return ""
				}
			}
			return fmt.Sprintf("contacts = %v", cs)
		},
	}, {
		name: "log form",
		open: func(c *common.Common, contact model.Contact, _ *store.Store) common.Screen {
			return logform.NewLogForm(c, contact, model.KindNote)
		},
		keys: []string{"tab", "tab", "type:phone", "tab", "type:Called about the role"},
		check: func(s *store.Store, contact model.Contact) string {
			its, _ := s.Interactions(contact.ID)
			if len(its) == 1 && its[0].Channel == "phone" && its[0].Text == "Called about the role" {
				return ""
			}
			return fmt.Sprintf("timeline = %+v", its)
		},
	}, {
		name: "schedule form",
		open: func(c *common.Common, contact model.Contact, _ *store.Store) common.Screen {
			return schedule.NewScheduleForm(c, contact, model.Interview{})
		},
		keys: []string{"tab", "tab", "type:Café Rosa"},
		check: func(s *store.Store, contact model.Contact) string {
			ivs, _ := s.Interviews(contact.ID)
			if len(ivs) == 1 && ivs[0].Scheduled != nil && ivs[0].Scheduled.Place == "Café Rosa" {
				return ""
			}
			return fmt.Sprintf("interviews = %+v", ivs)
		},
	}, {
		name: "due-date rules",
		open: func(c *common.Common, _ model.Contact, _ *store.Store) common.Screen {
			return settings.NewSettingsScreen(c)
		},
		keys: []string{"backspace", "backspace", "backspace", "type:9"},
		check: func(s *store.Store, _ model.Contact) string {
			st, _ := s.Settings()
			if st.ThankYouDays == 9 {
				return ""
			}
			return fmt.Sprintf("settings = %+v", st)
		},
	}, {
		name: "profile form",
		open: func(c *common.Common, _ model.Contact, _ *store.Store) common.Screen {
			return profile.NewProfileForm(c, model.Profile{}, false)
		},
		keys: []string{"type:Sam Lee"},
		check: func(s *store.Store, _ model.Contact) string {
			p, _ := s.Profile()
			if p.Name == "Sam Lee" {
				return ""
			}
			return fmt.Sprintf("profile = %+v", p)
		},
	}, {
		name: "template form",
		open: func(c *common.Common, _ model.Contact, s *store.Store) common.Screen {
			ts, _ := s.Templates()
			return templateform.NewTemplateForm(c, ts[0])
		},
		keys: []string{"type: (mine)"},
		check: func(s *store.Store, _ model.Contact) string {
			ts, _ := s.Templates()
			for _, d := range ts {
				if strings.HasSuffix(d.Name, " (mine)") {
					return ""
				}
			}
			return "no template renamed"
		},
	}, {
		name: "new bank question",
		open: func(c *common.Common, _ model.Contact, _ *store.Store) common.Screen { return bank.NewBankScreen(c) },
		keys: []string{"n", "type:What would you change first?"},
		check: func(s *store.Store, _ model.Contact) string {
			st, _ := s.QuestionBank()
			for _, q := range questions.Bank(st) {
				if q.Text == "What would you change first?" {
					return ""
				}
			}
			return "the question is not in the bank"
		},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, s, _ := uitest.NewTestCommon(t)
			contact, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
			if err != nil {
				t.Fatal(err)
			}
			d := uitest.NewDriver(t, c, 80, 24)
			d.FailOnError = true
			d.Send(common.PushMsg{S: tc.open(c, contact, s)})
			for _, k := range tc.keys {
				if text, ok := strings.CutPrefix(k, "type:"); ok {
					d.TypeText(text)
				} else {
					d.Send(uitest.KeyMsg(k))
				}
			}
			if !d.App.Top().Unsaved() {
				t.Errorf("the screen does not say it holds typed text")
			}
			d.Send(uitest.KeyType(tea.KeyCtrlC))
			if !d.Quit {
				t.Fatal("ctrl+c did not quit")
			}
			if err := d.App.Flush(s); err != nil {
				t.Fatal(err)
			}
			if problem := tc.check(s, contact); problem != "" {
				t.Error(problem)
			}
		})
	}
}
