package plan

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Loading what the plan starts from. An interview already prepared or
// scheduled has a plan of its own, and that plan is the one to edit: a
// starting plan shown in its place would be saved over it by ctrl+s.

// planLoadedMsg is what the plan starts from: the bank and, when the plan
// fills an interview that exists, that interview as stored now.
type planLoadedMsg struct {
	bank   questions.UserState
	target model.Interview
	err    error
}

func (m planLoadedMsg) Failed() error { return m.err }

// Load reads the bank, and the interview the plan fills: the plan it
// already has is the one to edit, whatever copy the opener held.
func (p planScreen) Load() tea.Cmd { return loadPlan(p.c.Store, p.target) }

func loadPlan(s *store.Store, target uint64) tea.Cmd {
	return func() tea.Msg {
		bank, err := s.QuestionBank()
		if err != nil || target == 0 {
			return planLoadedMsg{bank: bank, err: err}
		}
		iv, err := s.Interview(target)
		return planLoadedMsg{bank: bank, target: iv, err: err}
	}
}

// start opens the plan the target interview has, or, for a new interview
// or one without questions, the starting plan.
func (p *planScreen) start(target model.Interview) {
	if target.Budget > 0 {
		p.budget = target.Budget
	}
	p.scheduled = target.Scheduled != nil
	if target.ID == 0 || len(target.Questions) == 0 {
		p.restart()
		return
	}
	p.plan, p.kept = questions.FromQuestions("", target.Questions), true
	p.cursor, p.offset = 0, 0
}

// unfinishedSetPrefix begins the name of the set a plan for this person
// is kept in when the app is closed while it is being written.
func unfinishedSetPrefix(name string) string {
	return fmt.Sprintf("Unfinished plan for %s (", safetext.Clean(name))
}

// unfinishedNote says where an earlier plan for this person, left
// unfinished, was kept, so it is not taken for lost.
func (p planScreen) unfinishedNote() tea.Cmd {
	prefix := unfinishedSetPrefix(p.contact.Name)
	for _, set := range p.bank.State.Sets {
		if strings.HasPrefix(set.Name, prefix) {
			return common.Info("Your unfinished plan for %s is in L.", p.contact.Name)
		}
	}
	return nil
}
