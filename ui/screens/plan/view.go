package plan

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/questionrow"
	"parley/ui/safetext"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"parley/questions"
)

// wideAt is the width from which the research notes and the bank sit
// beside the plan rather than below it: below that, side by side would cut
// every question to a few words.
const wideAt = 110

// planLayout is how the plan screen shares its room.
type planLayout struct {
	wide          bool
	leftW, rightW int
	planH         int // plan lines shown
	notesH        int // research lines shown
	bankH         int // bank rows shown
}

func (p planScreen) layout() planLayout {
	avail := max(p.height-lipgloss.Height(p.header())-p.bottomHeight(), 3)
	l := planLayout{leftW: p.width, rightW: p.width}
	if p.width >= wideAt {
		l.wide = true
		l.leftW = p.width/2 - 1
		l.rightW = p.width - l.leftW - 3
		l.planH = max(avail-1, 1)
		l.notesH = min(len(p.noteLines(l.rightW)), max(avail/3, 1))
		l.bankH = max(avail-2-l.notesH, 1)
		return l
	}
	l.notesH = min(len(p.noteLines(l.rightW)), 3)
	if avail < 16 {
		l.notesH = min(l.notesH, 1)
	}
	rest := max(avail-3-l.notesH, 2)
	big := (rest*3 + 4) / 5
	if p.focus == planPanePlan {
		l.planH, l.bankH = big, rest-big
	} else {
		l.planH, l.bankH = rest-big, big
	}
	l.planH, l.bankH = max(l.planH, 1), max(l.bankH, 1)
	return l
}

func (p planScreen) bankListRows() int { return p.layout().bankH }

// noteLines is the contact's research, wrapped to width.
func (p planScreen) noteLines(width int) []string {
	notes := strings.TrimSpace(p.contact.Notes)
	if notes == "" {
		return []string{p.c.Styles.Muted.Render("No research notes yet; e on the contact page adds them.")}
	}
	w := lipgloss.NewStyle().Width(max(width, 10)).Render(safetext.Block(notes))
	var out []string
	for _, l := range strings.Split(w, "\n") {
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}

// planLines draws the plan: numbered questions, a rule after the last
// one that fits the budget, and the Ready row. It returns the line the
// cursor is on, for scrolling.
func (p planScreen) planLines(width int) (lines []string, cursorLine int) {
	st := p.c.Styles
	fit := questions.Fit(p.budget)
	focused := p.focus == planPanePlan
	for i, it := range p.plan.Items {
		if i == fit {
			lines = append(lines, st.Muted.Render(common.TruncateCells(
				fmt.Sprintf("── %d fit in %s; the rest if time allows ──", fit, minutes(p.budget)), width)))
		}
		sel := focused && i == p.cursor
		if sel {
			cursorLine = len(lines)
		}
		marker := "  "
		if sel {
			marker = "▸ "
		}
		must := "  "
		if it.MustAsk && !sel {
			must = st.MustAsk.Render("!") + " "
		} else if it.MustAsk {
			// Its own style would end the row's highlight after the "!".
			must = "! "
		}
		text := safetext.Line(it.Text)
		if it.BankID == "" {
			text = "✎ " + text
		}
		line := common.TruncateCells(marker+fmt.Sprintf("%2d ", i+1)+must+text, width)
		if sel {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(p.plan.Items) == 0 {
		lines = append(lines, st.Muted.Render("  Empty: tab to the bank and press enter on a question, or o to write one."))
	}
	ready := "Ready: create the interview (ctrl+s)"
	if p.target != 0 {
		ready = "Ready: save the plan in the interview (ctrl+s)"
	}
	if p.creating {
		ready = "Creating the interview…"
	}
	if focused && p.cursor >= len(p.plan.Items) {
		cursorLine = len(lines)
		lines = append(lines, st.Selected.Render(common.TruncateCells("▸ "+ready, width)))
	} else {
		lines = append(lines, st.Accent.Render(common.TruncateCells("  "+ready, width)))
	}
	return lines, cursorLine
}

func (p planScreen) scrollPlan() int {
	l := p.layout()
	lines, cur := p.planLines(l.leftW)
	return questionrow.ScrollTo(p.offset, cur, l.planH, len(lines))
}

func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
}

func (p planScreen) header() string {
	st := p.c.Styles
	title := st.Title.Render("Prepare · "+safetext.Line(p.contact.Name)) + st.Subtitle.Render(common.SubtitleSuffix(p.contact))
	must := 0
	for _, it := range p.plan.Items {
		if it.MustAsk {
			must++
		}
	}
	info := fmt.Sprintf("Budget %s · %d fit · %d planned · %d must-ask", minutes(p.budget),
		questions.Fit(p.budget), len(p.plan.Items), must)
	if p.setName != "" {
		info += fmt.Sprintf(" · set %q", p.setName)
	}
	head := common.TruncateCells(title, p.width) + "\n" + common.TruncateCells(st.Label.Render(info), p.width)
	if n := p.mustAskBelowFit(); n > 0 {
		head += "\n" + common.TruncateCells(st.Error.Render(fmt.Sprintf("! %d must-ask below the line may not be reached: < or K moves it up.", n)), p.width)
	}
	return head
}

// mustAskBelowFit counts must-ask questions placed after the ones the
// budget fits: the clock will likely run out before them.
func (p planScreen) mustAskBelowFit() int {
	n := 0
	for i, it := range p.plan.Items {
		if it.MustAsk && i >= questions.Fit(p.budget) {
			n++
		}
	}
	return n
}

// heading is a pane's title, in the focused style when it has the keys.
func (p planScreen) heading(s string, focused bool, width int) string {
	if focused {
		return p.c.Styles.Focused.Render(common.TruncateCells(s, width))
	}
	return p.c.Styles.Blurred.Render(common.TruncateCells(s, width))
}

func (p planScreen) bankLines(width, rows int) []string {
	st := p.c.Styles
	var lines []string
	if len(p.bankRows) == 0 {
		lines = append(lines, st.Muted.Render("  No question matches the filter."))
	}
	end := min(p.bankOffset+rows, len(p.bankRows))
	for i := p.bankOffset; i < end; i++ {
		q := p.bankRows[i]
		mark := ""
		if p.plan.Has(q.ID) {
			mark = "✓"
		}
		sel := p.focus == planPaneBank && i == p.bankCursor
		lines = append(lines, questionrow.QuestionRow(st, q, questions.Stat{}, mark, width, sel))
	}
	return lines
}

// block pads or cuts lines to exactly h lines.
func block(lines []string, w, h int) string { return common.Fit(strings.Join(lines, "\n"), w, h) }

func (p planScreen) View() string {
	if !p.loaded {
		return p.c.Styles.Title.Render("Prepare · "+safetext.Line(p.contact.Name)) + "\n" + p.c.Styles.Muted.Render("Reading the bank…")
	}
	l := p.layout()
	planHead := p.heading(fmt.Sprintf("Plan · most important first"), p.focus == planPanePlan, l.leftW)
	lines, _ := p.planLines(l.leftW)
	lines = lines[min(p.offset, len(lines)):]
	planBlock := planHead + "\n" + block(lines, l.leftW, l.planH)

	notesHead := p.heading("Research", false, l.rightW)
	notesBlock := notesHead + "\n" + block(p.noteLines(l.rightW), l.rightW, l.notesH)

	bankTitle := "Bank · enter adds"
	if p.mode == planFiltering || p.filter.Value() != "" {
		bankTitle = "Bank · /" + safetext.Line(p.filter.Value())
	}
	bankHead := p.heading(bankTitle, p.focus == planPaneBank, l.rightW)
	if p.mode == planFiltering {
		bankHead = p.heading("Bank · /", true, 9) + common.InputView(p.c.Styles, p.filter, max(l.rightW-9, 1))
	}
	bankBlock := bankHead + "\n" + block(p.bankLines(l.rightW, l.bankH), l.rightW, l.bankH)

	var body string
	if l.wide {
		right := notesBlock + "\n" + bankBlock
		sep := strings.TrimSuffix(strings.Repeat(" │ \n", lipgloss.Height(planBlock)), "\n")
		body = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(l.leftW).Render(planBlock),
			p.c.Styles.Rule.Render(sep), right)
	} else {
		body = planBlock + "\n" + notesBlock + "\n" + bankBlock
	}
	out := p.header() + "\n" + body
	if b := p.bottom(); b != "" {
		out += "\n" + b
	}
	return out
}

// bottomHeight is the room the open field or chooser takes.
func (p planScreen) bottomHeight() int {
	if b := p.bottom(); b != "" {
		return lipgloss.Height(b)
	}
	return 0
}

// bottom is the field or chooser open under the panes, if any.
func (p planScreen) bottom() string {
	st := p.c.Styles
	rule := st.Rule.Render(strings.Repeat("─", max(p.width, 1)))
	field := func(label string) string {
		lines := []string{rule, st.Label.Render(label) + common.InputView(st, p.input, max(p.width-common.CellWidth(label), 1))}
		if p.mode == planOneOff || p.mode == planReword {
			if h := questionrow.HintsView(st, p.input.Value(), p.width); h != "" {
				lines = append(lines, h)
			}
		}
		if p.inputProblem != "" {
			lines = append(lines, st.Error.Render(p.inputProblem))
		}
		return strings.Join(lines, "\n")
	}
	switch p.mode {
	case planOneOff:
		return field("One-off  ")
	case planReword:
		return field("Reword   ")
	case planOther:
		return field("Minutes  ")
	case planSetName:
		return field("Set name ")
	case planBudget:
		var opts []string
		for i, d := range budgetChoices {
			s := "other"
			if d > 0 {
				s = minutes(d)
			}
			if i == p.choice {
				s = "▸[" + s + "]"
			}
			opts = append(opts, s)
		}
		fits := "type the minutes"
		if d := budgetChoices[p.choice]; d > 0 {
			fits = fmt.Sprintf("%d questions fit", questions.Fit(d))
		}
		return rule + "\n" + common.TruncateCells(st.Label.Render("Budget  ")+strings.Join(opts, "  ")+st.Muted.Render("  → "+fits), p.width)
	case planSets:
		return p.setsView(rule)
	}
	return ""
}

func (p planScreen) setsView(rule string) string {
	st := p.c.Styles
	lines := []string{rule, st.Title.Render("Start from")}
	names := []string{"A balanced pick from the bank"}
	isDefault := []bool{p.bank.State.DefaultSet == ""}
	for _, s := range p.bank.State.Sets {
		names = append(names, fmt.Sprintf("%s · %d questions", safetext.Line(s.Name), len(s.Items)))
		isDefault = append(isDefault, strings.EqualFold(s.Name, p.bank.State.DefaultSet))
	}
	rows := max(min(len(names), p.height/3), 1)
	off := questionrow.ScrollTo(0, p.setCursor, rows, len(names))
	for i := off; i < min(off+rows, len(names)); i++ {
		line := "  " + names[i]
		if isDefault[i] {
			line += " (default)"
		}
		if i == p.setCursor {
			line = st.Selected.Render(common.TruncateCells("▸"+line[1:], p.width))
		}
		lines = append(lines, common.TruncateCells(line, p.width))
	}
	return strings.Join(lines, "\n")
}
