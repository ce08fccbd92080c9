package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

type contactPageKeys struct {
	Up, Down key.Binding
	Start    key.Binding
	Prepare  key.Binding
	Open     key.Binding
	Edit     key.Binding
	Delete   key.Binding
	Back     key.Binding
	Write    key.Binding
}

// contactPage shows one contact and their interviews.
type contactPage struct {
	c          *common
	keys       contactPageKeys
	contact    model.Contact
	interviews []model.Interview // newest first
	loaded     bool
	cursor     int
	width      int
	height     int
}

// interviewCreatedMsg reports a new interview, ready to run.
type interviewCreatedMsg struct {
	interview model.Interview
	err       error
}

func (m interviewCreatedMsg) failed() error { return m.err }

// startInterview creates an interview from the starting plan, the user's
// default set or a balanced pick from their bank, for the default budget.
func startInterview(s *store.Store, contactID uint64, now time.Time) tea.Cmd {
	return func() tea.Msg {
		st, err := s.QuestionBank()
		if err != nil {
			return interviewCreatedMsg{err: err}
		}
		iv := model.NewInterview(contactID, nil, now)
		iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), iv.Budget).Questions()
		saved, err := s.PutInterview(iv)
		return interviewCreatedMsg{saved, err}
	}
}

func newContactPage(c *common, contact model.Contact) contactPage {
	return contactPage{c: c, contact: contact, keys: contactPageKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Start:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start interview")),
		Prepare: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "prepare interview")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open interview")),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Back:    key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Write:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write a message")),
	}}
}

// load reads the contact's interviews; the root calls it on push.
func (p contactPage) load() tea.Cmd { return loadInterviews(p.c.store, p.contact.ID) }

func (p contactPage) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case interviewsLoadedMsg:
		if msg.contactID == p.contact.ID && msg.err == nil {
			p.loaded = true
			p.interviews = p.interviews[:0]
			for i := len(msg.interviews) - 1; i >= 0; i-- {
				p.interviews = append(p.interviews, msg.interviews[i])
			}
			p.cursor = min(p.cursor, max(len(p.interviews)-1, 0))
		}
	case contactSavedMsg:
		if msg.err == nil && msg.contact.ID == p.contact.ID {
			p.contact = msg.contact
		}
	case contactDeletedMsg:
		if msg.err == nil && msg.id == p.contact.ID {
			return p, pop
		}
	case interviewCreatedMsg:
		if msg.err == nil && msg.interview.ContactID == p.contact.ID {
			return p, tea.Batch(p.load(), push(newInterviewScreen(p.c, p.contact, msg.interview)))
		}
	case planReadyMsg:
		if msg.err == nil && msg.interview.ContactID == p.contact.ID {
			return p, p.load()
		}
	case interviewSavedMsg:
		if msg.err == nil && msg.interview.ContactID == p.contact.ID {
			for i := range p.interviews {
				if p.interviews[i].ID == msg.interview.ID && p.interviews[i].Rev <= msg.interview.Rev {
					p.interviews[i] = msg.interview
				}
			}
		}
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p contactPage) handleKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Back):
		return p, pop
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, max(len(p.interviews)-1, 0))
	case key.Matches(msg, p.keys.Start):
		return p, startInterview(p.c.store, p.contact.ID, p.c.now())
	case key.Matches(msg, p.keys.Prepare):
		return p, push(newPlanScreen(p.c, p.contact))
	case key.Matches(msg, p.keys.Open):
		if p.cursor < len(p.interviews) {
			return p, push(newInterviewScreen(p.c, p.contact, p.interviews[p.cursor]))
		}
	case key.Matches(msg, p.keys.Edit):
		return p, push(newContactForm(p.c, p.contact))
	case key.Matches(msg, p.keys.Delete):
		return p, push(confirmDelete(p.c, p.contact))
	case key.Matches(msg, p.keys.Write):
		return p, push(newComposeScreen(p.c, p.contact))
	}
	return p, nil
}

func (p contactPage) view() string {
	st := p.c.styles
	c := p.contact
	var b strings.Builder
	b.WriteString(st.Title.Render(c.Name))
	if sub := c.Subtitle(); sub != "" {
		b.WriteString(st.Subtitle.Render(" · " + sub))
	}
	b.WriteString("\n")
	for _, f := range [][2]string{{"Email", c.Email}, {"Phone", c.Phone}, {"Notes", c.Notes}} {
		if f[1] != "" {
			b.WriteString("\n" + st.Label.Render(padRight(f[0], 8)) + strings.ReplaceAll(f[1], "\n", " "))
		}
	}
	b.WriteString("\n\n" + st.Focused.Render("Interviews") + "\n")
	switch {
	case !p.loaded:
		b.WriteString(st.Muted.Render("Loading…"))
	case len(p.interviews) == 0:
		b.WriteString("None yet. Press p to prepare one: choose and order your questions.\nOr s starts one at once from a ready-made plan.")
	default:
		for i, iv := range p.interviews {
			line := interviewSummary(iv, p.c.now())
			if i == p.cursor {
				b.WriteString(st.Selected.Render("▸ "+line) + "\n")
			} else {
				b.WriteString("  " + line + "\n")
			}
		}
	}
	return b.String()
}

// interviewSummary is one line about an interview: when, how long, how far.
func interviewSummary(iv model.Interview, now time.Time) string {
	when := iv.Created
	if !iv.Clock.StartedAt.IsZero() {
		when = iv.Clock.StartedAt
	}
	return fmt.Sprintf("%s · %s of %s · %d/%d asked · %s",
		when.Local().Format("Mon 2 Jan 2006 15:04"), model.FormatClock(iv.Elapsed(now)),
		model.FormatClock(iv.Budget), iv.AskedCount(), len(iv.Questions), iv.Clock.State())
}

func (p contactPage) setSize(w, h int) screen { p.width, p.height = w, h; return p }
func (p contactPage) capturing() bool         { return false }
func (p contactPage) help() help.KeyMap {
	k := p.keys
	k.Open.SetEnabled(len(p.interviews) > 0)
	return keyMap{
		short: []key.Binding{k.Prepare, k.Start, k.Write, k.Open, k.Edit, k.Delete, k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Prepare, k.Start, k.Write, k.Edit, k.Delete, k.Back}},
	}
}
