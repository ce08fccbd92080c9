package contactpage

import (
	"errors"
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
	"parley/ui/common"
	"parley/ui/components/confirm"
)

// forgetPlannedMsg is what forgetting the page's contact would remove, read
// for the question that asks.
type forgetPlannedMsg struct {
	plan   store.ForgetPlan
	copies []string
	err    error
}

func (m forgetPlannedMsg) Failed() error { return m.err }

func planForget(s *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		m := forgetPlannedMsg{}
		if m.plan, m.err = s.PlanForget(id); m.err != nil {
			return m
		}
		m.copies, m.err = store.LeftoverCopies(s.Path())
		return m
	}
}

// contactForgottenMsg reports a contact forgotten: removed, the notebook
// compacted, and (if asked) the leftover copies deleted.
type contactForgottenMsg struct {
	plan store.ForgetPlan
	// referred are the contacts they referred, as saved after.
	referred []model.Contact
	pruned   int
	// leftover is how many copies still hold them.
	leftover int
	err      error
}

func (m contactForgottenMsg) Failed() error { return m.err }

// Changes closes the forgotten contact's pages (a change with no contact
// is a removal) and updates the pages of those they referred.
func (m contactForgottenMsg) Changes() []common.NotebookChangedMsg {
	if m.plan.Contact.ID == 0 {
		return nil
	}
	out := []common.NotebookChangedMsg{{Kind: common.ChangedContact, ContactID: m.plan.Contact.ID}}
	for i := range m.referred {
		out = append(out, common.NotebookChangedMsg{Kind: common.ChangedContact, ContactID: m.referred[i].ID, Contact: &m.referred[i]})
	}
	return out
}

// forgetContact forgets the contact and then, if asked, deletes copies.
// store.Forget compacts the file; the store's lock makes the other
// commands wait for it rather than use the file being replaced.
func forgetContact(s *store.Store, id uint64, keepNames, prune bool, copies []string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		m := contactForgottenMsg{}
		plan, err := s.Forget(id, keepNames, now)
		if _, gone := s.Contact(id); errors.Is(gone, store.ErrNotFound) {
			// Removed, even if the compaction after failed: the pages
			// must still close.
			m.plan = plan
		}
		if err != nil {
			m.err = err
			return m
		}
		for _, r := range plan.Referred {
			if c, err := s.Contact(r.ID); err == nil {
				m.referred = append(m.referred, c)
			}
		}
		if !prune {
			m.leftover = len(copies)
			return m
		}
		for _, f := range copies {
			if err := os.Remove(f); err != nil {
				m.err = fmt.Errorf("%s is forgotten, but a copy that holds them could not be deleted: %w", plan.Contact.Name, err)
				return m
			}
			m.pruned++
		}
		return m
	}
}

// askForget reads what forgetting would remove; the answer comes back as
// forgetPlannedMsg, which puts the question up.
func (p ContactPage) askForget() tea.Cmd { return planForget(p.c.Store, p.contact.ID) }

// confirmForget puts up the question, with what the plan says goes.
func (p ContactPage) confirmForget(m forgetPlannedMsg) tea.Cmd {
	if m.err != nil {
		return nil // the root shows the error
	}
	s, id, now := p.c.Store, m.plan.Contact.ID, p.c.Now()
	return common.Push(confirm.NewForget(p.c, m.plan, m.copies, func(keepNames, prune bool) tea.Cmd {
		return forgetContact(s, id, keepNames, prune, m.copies, now)
	}))
}

// forgotten words the result for the status line.
func forgotten(m contactForgottenMsg) tea.Cmd {
	if m.err != nil {
		return nil
	}
	switch {
	case m.leftover > 0:
		return common.Info("Forgot %s; the notebook file holds no trace of them, but %d %s of it still %s them.",
			m.plan.Contact.Name, m.leftover, common.Plural(m.leftover, "copy", "copies"), common.Plural(m.leftover, "holds", "hold"))
	case m.pruned > 0:
		return common.Info("Forgot %s; the notebook file holds no trace of them, and %d %s of it were deleted.",
			m.plan.Contact.Name, m.pruned, common.Plural(m.pruned, "copy", "copies"))
	default:
		return common.Info("Forgot %s; the notebook file holds no trace of them.", m.plan.Contact.Name)
	}
}
