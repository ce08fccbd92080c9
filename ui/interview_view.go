package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"parley/model"
)

// Layout thresholds: below compactBelow the screen shows only the time left,
// the next question and the notes; from wideFrom on the checklist and the
// notes stand side by side.
const (
	compactBelowWidth  = 60
	compactBelowHeight = 16
	wideFromWidth      = 110
)

type interviewLayout int

const (
	layoutCompact interviewLayout = iota
	layoutStacked
	layoutWide
)

func (s interviewScreen) layoutKind() interviewLayout {
	switch {
	case s.width < compactBelowWidth || s.height < compactBelowHeight:
		return layoutCompact
	case s.width >= wideFromWidth:
		return layoutWide
	default:
		return layoutStacked
	}
}

// paneSizes gives the checklist's rows and the notes' width and height for
// the current layout. Every number follows from the window and the fixed
// lines above the panes.
func (s interviewScreen) paneSizes() (checkRows, notesW, notesH int) {
	input := 0
	if s.inputFor != inputNone {
		input = 2
	}
	switch s.layoutKind() {
	case layoutCompact:
		top := 1
		if s.height >= 4 {
			top = 2
		}
		return 0, s.width, max(s.height-top-input, 1)
	case layoutWide:
		body := s.height - headerLines - 1 // the panes' headings
		return max(body-input, 1), s.width - s.checklistWidth() - 2, max(body, 1)
	default:
		body := s.height - headerLines - 2 - input // two headings
		rows := min(s.checklistRows()+s.closingHeading(), max(body*2/5, 3))
		return max(rows, 1), s.width, max(body-rows, 1)
	}
}

// headerLines is the fixed top: who, the clock, the next question.
const headerLines = 3

func (s interviewScreen) checklistWidth() int { return s.width * 2 / 5 }

func (s interviewScreen) closingHeading() int {
	if s.closingVisible() {
		return 1
	}
	return 0
}

func (s *interviewScreen) layout() {
	_, w, h := s.paneSizes()
	s.notes.setSize(w, h)
}

func (s interviewScreen) view() string {
	if s.width < 1 || s.height < 1 {
		return ""
	}
	// The layout depends on things that change without a resize (the
	// input line, the closing steps appearing), so size the notes here.
	s.layout()
	switch s.layoutKind() {
	case layoutCompact:
		return s.compactView()
	case layoutWide:
		return s.wideView()
	default:
		return s.stackedView()
	}
}

func (s interviewScreen) compactView() string {
	lines := []string{s.clockLine(true)}
	if s.height >= 4 {
		lines = append(lines, s.nextLine())
	}
	lines = append(lines, s.notes.view())
	if s.inputFor != inputNone {
		lines = append(lines, s.inputView())
	}
	return strings.Join(lines, "\n")
}

func (s interviewScreen) stackedView() string {
	rows, _, _ := s.paneSizes()
	parts := []string{
		s.headerLine(), s.clockLine(false), s.nextLine(),
		s.paneHeading("Questions", paneChecklist, s.width),
		s.checklistView(rows, s.width),
	}
	if s.inputFor != inputNone {
		parts = append(parts, s.inputView())
	}
	parts = append(parts, s.paneHeading("Notes", paneNotes, s.width), s.notes.view())
	return strings.Join(parts, "\n")
}

func (s interviewScreen) wideView() string {
	rows, _, _ := s.paneSizes()
	lw := s.checklistWidth()
	left := s.paneHeading("Questions", paneChecklist, lw) + "\n" + s.checklistView(rows, lw)
	if s.inputFor != inputNone {
		left += "\n" + s.inputView()
	}
	right := s.paneHeading("Notes", paneNotes, s.width-lw-2) + "\n" + s.notes.view()
	body := lipgloss.JoinHorizontal(lipgloss.Top, fit(left, lw, s.height-headerLines), "  ", right)
	return strings.Join([]string{s.headerLine(), s.clockLine(false), s.nextLine(), body}, "\n")
}

func (s interviewScreen) headerLine() string {
	st := s.c.styles
	left := st.Title.Render(s.contact.Name)
	if sub := s.contact.Subtitle(); sub != "" {
		left += st.Subtitle.Render(" · " + sub)
	}
	right := st.Muted.Render(s.saveState())
	gap := s.width - cellWidth(left) - cellWidth(right)
	if gap < 1 {
		return truncateCells(left, max(s.width-cellWidth(right)-1, 0)) + " " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

// saveState tells the user, in a word, whether their notes are on disk.
func (s interviewScreen) saveState() string {
	switch {
	case s.saveErr != nil:
		return "NOT SAVED: " + s.saveErr.Error()
	case s.unsaved():
		return "saving…"
	default:
		return "saved"
	}
}

// clockLine is the glance line: time left in the urgency colour, the
// state, the elapsed time, a budget bar and the questions asked.
func (s interviewScreen) clockLine(compact bool) string {
	st := s.c.styles
	iv := s.iv
	elapsed := iv.Elapsed(s.now)
	urgency := model.UrgencyOf(elapsed, iv.Budget)
	var left string
	switch state := iv.Clock.State(); state {
	case model.NotStarted:
		left = st.Accent.Render(model.FormatClock(iv.Budget)+" budget") + st.Muted.Render(" · ctrl+t starts the clock")
	case model.Ended:
		left = st.Muted.Render("Ended after " + model.FormatClock(elapsed) + " of " + model.FormatClock(iv.Budget))
	default:
		left = st.ClockStyle(urgency).Render(model.FormatLeft(elapsed, iv.Budget) + leftWord(elapsed, iv.Budget))
		if state == model.Paused {
			left += " " + st.Error.Render("PAUSED")
		}
		left += st.Muted.Render(" · " + model.FormatClock(elapsed) + " of " + model.FormatClock(iv.Budget))
	}
	if compact {
		return left
	}
	right := st.Muted.Render(fmt.Sprintf("%d/%d asked", iv.AskedCount(), len(iv.Questions)))
	barW := s.width - cellWidth(left) - cellWidth(right) - 4
	if barW < 8 {
		return left + "  " + right
	}
	bar := st.Bar[urgency]
	bar.Width = barW
	pct := 0.0
	if iv.Budget > 0 {
		pct = min(float64(elapsed)/float64(iv.Budget), 1)
	}
	return left + "  " + bar.ViewAs(pct) + "  " + right
}

func leftWord(elapsed, budget time.Duration) string {
	if elapsed > budget {
		return " over"
	}
	return " left"
}

// nextLine shows the question to ask now, or, when time is short and
// must-ask questions remain, the first of those.
func (s interviewScreen) nextLine() string {
	st := s.c.styles
	iv := s.iv
	must := iv.MustAskLeft()
	low := model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) >= model.Warning && iv.Clock.State() != model.Ended
	cur := iv.Current()
	switch {
	case low && len(must) > 0 && (cur < 0 || !iv.Questions[cur].MustAsk):
		label := st.Error.Render(fmt.Sprintf("Must ask (%d left) ▸ ", len(must)))
		return label + truncateCells(iv.Questions[must[0]].Text, s.width-cellWidth(label))
	case cur >= 0:
		label := st.Accent.Render("Next ▸ ")
		text := iv.Questions[cur].Text
		if iv.Questions[cur].MustAsk {
			text = "! " + text
		}
		return label + st.Title.Render(truncateCells(text, s.width-cellWidth(label)))
	case s.closingVisible() && iv.ClosingDone() < len(iv.Closing):
		return st.Accent.Render("Close ▸ ") + iv.Closing[iv.ClosingDone()].Text
	default:
		return st.Muted.Render("All questions covered.")
	}
}

func (s interviewScreen) paneHeading(title string, p pane, width int) string {
	st := s.c.styles
	if s.focus == p {
		title = "▸ " + title
		return truncateCells(st.Focused.Render(title)+" "+st.Rule.Render(strings.Repeat("─", max(width-cellWidth(title)-1, 0))), width)
	}
	title = "  " + title
	return truncateCells(st.Blurred.Render(title)+" "+st.Rule.Render(strings.Repeat("─", max(width-cellWidth(title)-1, 0))), width)
}

// checklistView draws the questions, then the closing steps when they are
// showing, scrolled so the cursor's row is on screen.
func (s interviewScreen) checklistView(rows, width int) string {
	st := s.c.styles
	iv := s.iv
	low := model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) >= model.Warning
	cur := iv.Current()
	var lines []string
	for i, q := range iv.Questions {
		lines = append(lines, s.questionRow(q, i == s.cursor, i == cur, low, width))
	}
	if len(iv.Questions) == 0 {
		lines = append(lines, st.Muted.Render("  No questions. Press a to add one."))
	}
	if s.closingVisible() {
		lines = append(lines, st.Accent.Render(fmt.Sprintf("  Closing %d/%d", iv.ClosingDone(), len(iv.Closing))))
		for i, q := range iv.Closing {
			lines = append(lines, s.questionRow(q, len(iv.Questions)+i == s.cursor, false, false, width))
		}
	}
	// Keep the cursor's row in view; the closing heading sits before the
	// closing rows.
	at := s.cursor
	if s.cursor >= len(iv.Questions) {
		at++
	}
	offset := 0
	if at >= rows {
		offset = at - rows + 1
	}
	end := min(offset+rows, len(lines))
	return strings.Join(lines[min(offset, end):end], "\n")
}

func (s interviewScreen) questionRow(q model.Question, selected, current, low bool, width int) string {
	st := s.c.styles
	marker := "  "
	if selected && s.focus == paneChecklist {
		marker = "▸ "
	}
	var mark string
	style := lipgloss.NewStyle()
	switch {
	case q.Asked:
		mark = "✓ " + model.FormatClock(q.AskedAt) + " "
		style = st.Done
	case q.Skipped:
		mark = "– skipped "
		style = st.Muted
	case current:
		mark = "→ "
		style = st.Title
	default:
		mark = "○ "
	}
	if q.MustAsk && !q.Asked {
		mark += "! "
		if low {
			style = st.Error
		} else {
			style = st.MustAsk
		}
	}
	line := truncateCells(marker+mark+q.Text, width)
	if selected && s.focus == paneChecklist {
		return st.Selected.Render(line)
	}
	return style.Render(line)
}

func (s interviewScreen) inputView() string {
	st := s.c.styles
	label := map[inputPurpose]string{inputQuestion: "New question: ", inputBudget: "Budget (minutes): "}[s.inputFor]
	w := s.width
	if s.layoutKind() == layoutWide {
		w = s.checklistWidth()
	}
	line := st.Accent.Render(label) + inputView(st, s.input, w-cellWidth(label))
	problem := ""
	if s.inputProblem != "" {
		problem = st.Error.Render(s.inputProblem)
	}
	return line + "\n" + problem
}
