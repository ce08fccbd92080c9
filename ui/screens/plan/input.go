package plan

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
)

// The plan screen's keys, and what its fields and choosers do with them.

type planKeys struct {
	Up, Down    key.Binding
	Switch      key.Binding
	MoveUp      key.Binding
	MoveDown    key.Binding
	MoveTop     key.Binding
	MoveBottom  key.Binding
	MustAsk     key.Binding
	Remove      key.Binding
	EditText    key.Binding
	OneOff      key.Binding
	Add         key.Binding
	Filter      key.Binding
	Budget      key.Binding
	SaveSet     key.Binding
	Sets        key.Binding
	Ready       key.Binding
	ReadyRow    key.Binding
	Back        key.Binding
	Left, Right key.Binding
	Choose      key.Binding
	Default     key.Binding
	DeleteSet   key.Binding
	Close       key.Binding
	InputOK     key.Binding
	InputCancel key.Binding
	FilterDone  key.Binding
}

func newPlanKeys() planKeys {
	return planKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Switch:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "plan/bank")),
		MoveUp:      key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		MoveDown:    key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		MoveTop:     key.NewBinding(key.WithKeys("<", "shift+home"), key.WithHelp("<", "move to top")),
		MoveBottom:  key.NewBinding(key.WithKeys(">", "shift+end"), key.WithHelp(">", "move to bottom")),
		MustAsk:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "must-ask")),
		Remove:      key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "remove")),
		EditText:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "reword")),
		OneOff:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "write one-off")),
		Add:         key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add to plan")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter bank")),
		Budget:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "time budget")),
		SaveSet:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "save as set")),
		Sets:        key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "load set")),
		Ready:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "ready: create interview")),
		ReadyRow:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "ready")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Left:        key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←", "shorter")),
		Right:       key.NewBinding(key.WithKeys("right", "l", "tab", "b"), key.WithHelp("→", "longer")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Default:     key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "make default")),
		DeleteSet:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete set")),
		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		InputOK:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		InputCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		FilterDone:  key.NewBinding(key.WithKeys("enter", "esc", "up", "down"), key.WithHelp("enter", "done filtering")),
	}
}

func (p planScreen) openInput(m planMode, value, placeholder string) (common.Screen, tea.Cmd) {
	p.mode, p.inputProblem = m, ""
	p.input.Placeholder = placeholder
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p, p.input.Focus()
}

func (p planScreen) handleInputKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.InputCancel):
		p.mode = planBrowse
		p.input.Blur()
		return p, nil
	case key.Matches(msg, p.keys.InputOK):
		return p.submitInput()
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

func (p planScreen) submitInput() (common.Screen, tea.Cmd) {
	value := p.input.Value()
	var cmd tea.Cmd
	switch p.mode {
	case planOneOff:
		plan, err := p.plan.AddOneOff(value)
		if err != nil {
			p.inputProblem = "Write the question first."
			return p, nil
		}
		p.addedAt(plan, p.cursor)
		p.focus = planPanePlan
	case planReword:
		plan, err := p.plan.EditText(p.cursor, value)
		if err != nil {
			p.inputProblem = "Write the question first."
			return p, nil
		}
		p.edited(plan)
	case planOther:
		d, err := model.ParseBudget(value)
		if err != nil {
			p.inputProblem = err.Error()
			return p, nil
		}
		p.setBudget(d)
	case planSetName:
		// One-off questions were written for this person; a set is for
		// everyone after them.
		plan := p.plan.BankOnly()
		plan.Name = value
		if len(plan.Items) == 0 && len(p.plan.Items) > 0 {
			p.inputProblem = "Only one-off questions: a set keeps questions from the bank."
			return p, nil
		}
		st, err := p.bank.State.SaveSet(plan)
		if err != nil {
			p.inputProblem = "Give the set a name."
			return p, nil
		}
		p.setName = plan.Name
		note := fmt.Sprintf("Saved as %q. L loads it for another interview.", p.setName)
		if left := len(p.plan.Items) - len(plan.Items); left > 0 {
			note = fmt.Sprintf("Saved as %q without the %d one-off question(s).", p.setName, left)
		}
		cmd = p.bank.Change(p.c, st, note)
	}
	p.mode = planBrowse
	p.input.Blur()
	p.offset = p.scrollPlan()
	return p, cmd
}

// setBudget changes the budget; an untouched starting plan is picked again
// to fit it.
func (p *planScreen) setBudget(d time.Duration) {
	p.budget = d
	if !p.touched && !p.kept {
		p.restart()
	}
}

func (p planScreen) handleBudgetKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Close):
		p.mode = planBrowse
	case key.Matches(msg, k.Left):
		p.choice = max(p.choice-1, 0)
	case key.Matches(msg, k.Right):
		p.choice = min(p.choice+1, len(budgetChoices)-1)
	case key.Matches(msg, k.Choose):
		if d := budgetChoices[p.choice]; d > 0 {
			p.setBudget(d)
			p.mode = planBrowse
			return p, nil
		}
		return p.openInput(planOther, fmt.Sprint(int(p.budget/time.Minute)), "minutes, e.g. 25")
	}
	return p, nil
}

func (p planScreen) handleSetsKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := p.keys
	sets := p.bank.State.Sets
	switch {
	case key.Matches(msg, k.Close):
		p.mode = planBrowse
	case key.Matches(msg, k.Up):
		p.setCursor = max(p.setCursor-1, 0)
	case key.Matches(msg, k.Down):
		p.setCursor = min(p.setCursor+1, len(sets))
	case key.Matches(msg, k.Choose):
		p.mode = planBrowse
		p.cursor, p.offset = 0, 0
		if p.setCursor == 0 {
			p.plan, p.touched, p.setName = questions.Balanced(p.bankQuestions(), p.budget), false, ""
			return p, common.Info("A balanced pick for %d minutes.", int(p.budget/time.Minute))
		}
		set := sets[p.setCursor-1]
		plan := set.Sync(p.bankQuestions())
		plan.Name = ""
		p.plan, p.touched, p.setName = plan, true, set.Name
		return p, common.Info("Loaded %q.", set.Name)
	case key.Matches(msg, k.Default):
		name := ""
		if p.setCursor > 0 {
			name = sets[p.setCursor-1].Name
		}
		st, err := p.bank.State.SetDefault(name)
		if err != nil {
			return p, common.Info("%s", common.Sentence(err))
		}
		note := "New interviews start from a balanced pick."
		if name != "" {
			note = fmt.Sprintf("New interviews start from %q.", name)
		}
		return p, p.bank.Change(p.c, st, note)
	case key.Matches(msg, k.DeleteSet) && p.setCursor > 0:
		name := sets[p.setCursor-1].Name
		return p, common.Push(confirm.NewConfirm(p.c, fmt.Sprintf("Delete the set %q?", name),
			"Interviews made from it keep their questions.", func() tea.Msg { return planDeleteSetMsg{name} }))
	}
	return p, nil
}
