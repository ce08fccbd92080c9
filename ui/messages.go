package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Navigation between screens.
type (
	pushMsg struct{ s screen }
	popMsg  struct{}
)

// openInterviewMsg asks the root for the live screen of an interview: the
// one already open if there is one, else a new one.
type openInterviewMsg struct {
	contact   model.Contact
	interview model.Interview
}

func openInterview(c model.Contact, iv model.Interview) tea.Cmd {
	return func() tea.Msg { return openInterviewMsg{c, iv} }
}

// Screens name the screen they want; the root builds it (see opener), so
// no screen builds another.
type (
	openContactMsg  struct{ contact model.Contact }
	editContactMsg  struct{ contact model.Contact } // ID 0: a new contact
	openContactsMsg struct{}
	openBankMsg     struct{}
	openComposeMsg  struct{ contact model.Contact }
	openLogMsg      struct {
		contact model.Contact
		kind    model.InteractionKind
	}
	openScheduleMsg struct {
		contact   model.Contact
		interview model.Interview // ID 0: a new interview
	}
	openPlanMsg struct {
		contact model.Contact
		// interview is the one the plan fills, nil for a new one.
		interview *model.Interview
	}
	openStagePickerMsg  struct{ contact model.Contact }
	openTemplatesMsg    struct{}
	openTemplateFormMsg struct{ doc model.TemplateDoc }
	openProfileMsg      struct {
		profile model.Profile
		first   bool
	}
	openSettingsMsg struct{}
	openHomeMsg     struct{}
)

// navigation is every message that names a screen to open.
type navigation interface{ navigation() }

func (openContactMsg) navigation()      {}
func (editContactMsg) navigation()      {}
func (openContactsMsg) navigation()     {}
func (openBankMsg) navigation()         {}
func (openComposeMsg) navigation()      {}
func (openLogMsg) navigation()          {}
func (openScheduleMsg) navigation()     {}
func (openPlanMsg) navigation()         {}
func (openStagePickerMsg) navigation()  {}
func (openTemplatesMsg) navigation()    {}
func (openTemplateFormMsg) navigation() {}
func (openProfileMsg) navigation()      {}
func (openSettingsMsg) navigation()     {}
func (openHomeMsg) navigation()         {}
func (openInterviewMsg) navigation()    {}

// navigate asks the root for the screen msg names.
func navigate(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// opener builds the screen a navigation message names, if it is one of
// its own. Each screen has one; the root asks them in turn.
type opener func(c *common, msg tea.Msg) (screen, bool)

func push(s screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg          { return popMsg{} }

// statusMsg puts a line in the status bar; errors stay until replaced,
// other messages fade after a few seconds.
type statusMsg struct {
	text string
	err  bool
}

func info(format string, a ...any) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: fmt.Sprintf(format, a...)} }
}

// failure is implemented by every result message, so the root can show any
// error in the status line without each screen having to.
type failure interface{ failed() error }

// Results of store commands. Each carries what it read or wrote and the
// error, if any, already worded for the user.
type (
	contactsLoadedMsg struct {
		contacts []model.Contact
		err      error
	}
	contactSavedMsg struct {
		contact model.Contact
		isNew   bool
		err     error
	}
	contactDeletedMsg struct {
		id  uint64
		err error
	}
	interviewsLoadedMsg struct {
		contactID  uint64
		interviews []model.Interview
		err        error
	}
)

func (m contactsLoadedMsg) failed() error   { return m.err }
func (m contactSavedMsg) failed() error     { return m.err }
func (m contactDeletedMsg) failed() error   { return m.err }
func (m interviewsLoadedMsg) failed() error { return m.err }

func (m contactSavedMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	c := m.contact
	return []notebookChangedMsg{{kind: changedContact, contactID: c.ID, contact: &c}}
}

func (m contactDeletedMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []notebookChangedMsg{{kind: changedContact, contactID: m.id}}
}

// Commands that talk to the store. Each captures its arguments when made
// and touches no model state.

func loadContacts(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		cs, err := s.Contacts()
		return contactsLoadedMsg{cs, err}
	}
}

func saveContact(s *store.Store, c model.Contact, now time.Time) tea.Cmd {
	return func() tea.Msg {
		isNew := c.ID == 0
		if isNew {
			c.Created = now
			if c.Stage == "" {
				c.Stage = model.ToContact
			}
		}
		c.Updated = now
		saved, err := s.PutContact(c)
		return contactSavedMsg{saved, isNew, err}
	}
}

func deleteContact(s *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg { return contactDeletedMsg{id, s.DeleteContact(id)} }
}

func loadInterviews(s *store.Store, contactID uint64) tea.Cmd {
	return func() tea.Msg {
		ivs, err := s.Interviews(contactID)
		return interviewsLoadedMsg{contactID, ivs, err}
	}
}

// plainError words an error for the status line.
func plainError(err error) string {
	switch {
	case errors.Is(err, store.ErrConflict):
		return "This interview was changed elsewhere. Your text is kept here: press ctrl+s to save your version over it."
	case errors.Is(err, store.ErrNotFound):
		return "That record is no longer in the notebook."
	default:
		return "Could not save or read the notebook: " + err.Error()
	}
}

// sentence words an error from the questions package, which starts lower
// case, as a sentence for the status line.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
