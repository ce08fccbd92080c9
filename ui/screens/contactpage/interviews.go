package contactpage

import (
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
	"parley/ui/common"
)

// What the page does to an interview itself: mark one that never ran as
// not held, or delete it.

// cycleNotHeld moves an interview whose clock never ran to the next
// reason it was not held (cancelled, no-show, rescheduled), and from the
// last back to planned.
func (p ContactPage) cycleNotHeld(iv model.Interview) tea.Cmd {
	if iv.Clock.State() != model.NotStarted {
		return common.Info("Its clock ran, so it was held; x deletes it if it should not be here.")
	}
	next := model.NotHeldReasons[0]
	for i, r := range model.NotHeldReasons {
		if iv.NotHeld == r {
			next = ""
			if i+1 < len(model.NotHeldReasons) {
				next = model.NotHeldReasons[i+1]
			}
		}
	}
	iv.NotHeld = next
	iv.Notes = nil // header copy: the store keeps the notes as they are
	return saveInterviewChange(p.c.Store, iv)
}

// interviewChangedMsg reports an interview changed or deleted from the page.
type interviewChangedMsg struct {
	interview model.Interview
	deleted   bool
	err       error
}

func (m interviewChangedMsg) Failed() error { return m.err }

func (m interviewChangedMsg) Changes() []common.NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	iv := m.interview
	if m.deleted {
		return []common.NotebookChangedMsg{{Kind: common.ChangedInterview, ContactID: iv.ContactID}}
	}
	return []common.NotebookChangedMsg{{Kind: common.ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

func saveInterviewChange(s *store.Store, iv model.Interview) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutInterview(iv)
		return interviewChangedMsg{interview: saved, err: err}
	}
}

func deleteInterview(s *store.Store, iv model.Interview) tea.Cmd {
	return func() tea.Msg {
		return interviewChangedMsg{interview: iv, deleted: true, err: s.DeleteInterview(iv.ID)}
	}
}
