package ui

import (
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Navigation between screens.
type (
	pushMsg struct{ s screen }
	popMsg  struct{}
	// replaceMsg swaps the top screen for another.
	replaceMsg struct{ s screen }
)

func push(s screen) tea.Cmd    { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg             { return popMsg{} }
func replace(s screen) tea.Cmd { return func() tea.Msg { return replaceMsg{s} } }

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
	interviewSavedMsg struct {
		interview model.Interview
		err       error
	}
)

func (m contactsLoadedMsg) failed() error   { return m.err }
func (m contactSavedMsg) failed() error     { return m.err }
func (m contactDeletedMsg) failed() error   { return m.err }
func (m interviewsLoadedMsg) failed() error { return m.err }
func (m interviewSavedMsg) failed() error   { return m.err }

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

func saveInterview(s *store.Store, iv model.Interview) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutInterview(iv)
		return interviewSavedMsg{saved, err}
	}
}

// plainError words an error for the status line.
func plainError(err error) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return "That record is no longer in the notebook."
	default:
		return "Could not save or read the notebook: " + err.Error()
	}
}
