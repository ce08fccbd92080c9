package contactpage

import (
	"errors"
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

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
	plan   store.ForgetPlan
	pruned int
	// leftover is how many copies still hold them.
	leftover int
	err      error
}

func (m contactForgottenMsg) Failed() error { return m.err }

// Changes is one removal, which closes the forgotten contact's pages and
// makes every other contact's page read itself again, those they referred
// included. A second change would make a page about to close read its
// contact, who is gone.
func (m contactForgottenMsg) Changes() []common.NotebookChangedMsg {
	if m.plan.Contact.ID == 0 {
		return nil
	}
	return []common.NotebookChangedMsg{{Kind: common.ChangedContact, ContactID: m.plan.Contact.ID}}
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

// forgetChosenMsg is the user's yes, with their choices; it comes back to
// the page, so the forget is the page's command and its result the page's.
type forgetChosenMsg struct {
	keepNames, prune bool
	copies           []string
}

// confirmForget puts up the question, with what the plan says goes.
func (p ContactPage) confirmForget(m forgetPlannedMsg) tea.Cmd {
	if m.err != nil {
		return nil // the root shows the error
	}
	return common.Push(confirm.NewForget(p.c, m.plan, m.copies, func(keepNames, prune bool) tea.Cmd {
		return func() tea.Msg { return forgetChosenMsg{keepNames, prune, m.copies} }
	}))
}

// closeForgotten closes the page once its contact is forgotten, then says
// so: in that order, or closing would take the status line with it.
func (p ContactPage) closeForgotten(m contactForgottenMsg) (common.Screen, tea.Cmd) {
	if m.plan.Contact.ID == 0 {
		p.forgetting = false // nothing removed; the root shows why
		return p, nil
	}
	return p, tea.Sequence(common.Pop, forgotten(m))
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
		return common.Info("Forgot %s; the notebook file holds no trace of them, and %d %s of it %s deleted.",
			m.plan.Contact.Name, m.pruned, common.Plural(m.pruned, "copy", "copies"), common.Plural(m.pruned, "was", "were"))
	default:
		return common.Info("Forgot %s; the notebook file holds no trace of them.", m.plan.Contact.Name)
	}
}
