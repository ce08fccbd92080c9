package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Every screen that takes text keeps it when the program stops with the
// screen open: ctrl+c here, and SIGTERM or SIGHUP, which reach the app as
// a shutdownMsg and end in the same flush.
func TestCtrlCKeepsTypedText(t *testing.T) {
	cases := []struct {
		name  string
		open  func(c *common, contact model.Contact, s *store.Store) screen
		keys  []string
		check func(s *store.Store, contact model.Contact) string
	}{{
		name: "contact form",
		open: func(c *common, _ model.Contact, _ *store.Store) screen { return newContactForm(c, model.Contact{}) },
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
		open: func(c *common, contact model.Contact, _ *store.Store) screen {
			return newLogForm(c, contact, model.KindNote)
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
		open: func(c *common, contact model.Contact, _ *store.Store) screen {
			return newScheduleForm(c, contact, model.Interview{})
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
		open: func(c *common, _ model.Contact, _ *store.Store) screen { return newSettingsScreen(c) },
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
		open: func(c *common, _ model.Contact, _ *store.Store) screen {
			return newProfileForm(c, model.Profile{}, false)
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
		open: func(c *common, _ model.Contact, s *store.Store) screen {
			ts, _ := s.Templates()
			return newTemplateForm(c, ts[0])
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
		open: func(c *common, _ model.Contact, _ *store.Store) screen { return newBankScreen(c) },
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
			c, s, _ := newTestCommon(t)
			contact, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
			if err != nil {
				t.Fatal(err)
			}
			d := newDriver(t, c, 80, 24)
			d.failOnError = true
			d.send(pushMsg{tc.open(c, contact, s)})
			for _, k := range tc.keys {
				if text, ok := strings.CutPrefix(k, "type:"); ok {
					d.typeText(text)
				} else {
					d.send(keyMsg(k))
				}
			}
			if !d.app.top().unsaved() {
				t.Errorf("the screen does not say it holds typed text")
			}
			d.send(keyType(tea.KeyCtrlC))
			if !d.quit {
				t.Fatal("ctrl+c did not quit")
			}
			if err := d.app.Flush(s); err != nil {
				t.Fatal(err)
			}
			if problem := tc.check(s, contact); problem != "" {
				t.Error(problem)
			}
		})
	}
}
