package contacts

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"parley/model"
)

// Column widths that do not depend on the window: the longest stage name,
// and a next step with its date.
const (
	stageColW = len("keeping in touch") + 2
	nextColW  = len("! send a thank-you") + 1 + len("Thu 14 Mar") + 1
)

// Below wideList columns, stage and next step give way to the columns
// people scan (name, organisation, role): a long stage or step is cut,
// and the contact page says it in full.
const (
	wideList        = 110
	narrowStageColW = 13
	narrowNextColW  = 19
)

// listColumns is how the width is shared; a zero width hides a column.
// Role goes first when space is short, then the next step, then the
// organisation: the name and stage always stay.
type listColumns struct{ name, org, role, stage, next int }

func columnsFor(width int) listColumns {
	const marker = 2
	cols := listColumns{stage: stageColW, next: nextColW}
	if width < wideList {
		cols.stage, cols.next = narrowStageColW, narrowNextColW
	}
	rest := width - marker - cols.stage - cols.next
	if rest < 30 {
		cols.next = 0
		rest = width - marker - cols.stage
	}
	switch {
	case rest >= 42:
		cols.name = rest * 3 / 8
		cols.org = rest / 3
		cols.role = rest - cols.name - cols.org
	case rest >= 24:
		cols.name = rest * 11 / 20
		cols.org = rest - cols.name
	default:
		cols.name = max(rest, 8)
	}
	return cols
}

// cell truncates plain text s, made safe to draw, to w-1 cells and pads it
// to w, leaving a gap.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = common.TruncateCells(safetext.Line(s), w-1)
	return s + strings.Repeat(" ", max(w-common.CellWidth(s), 0))
}

func (l ContactList) View() string {
	st := l.C.Styles
	var b strings.Builder
	title := st.Title.Render("Contacts")
	count := fmt.Sprintf(" · %d", len(l.contacts))
	if l.filter.Value() != "" {
		count = fmt.Sprintf(" · %d of %d", len(l.hits), len(l.contacts))
	}
	order := "sorted by " + l.sortKey.String()
	if l.ranked && l.filter.Value() != "" {
		order = "best match first"
	}
	sorted := st.Muted.Render(order)
	left := title + st.Muted.Render(count)
	b.WriteString(left + strings.Repeat(" ", max(l.width-common.CellWidth(left)-common.CellWidth(sorted), 1)) + sorted)
	b.WriteString("\n")
	if !l.loaded {
		return b.String() + st.Muted.Render("Opening the notebook…")
	}
	for _, line := range l.header() {
		b.WriteString(line + "\n")
	}
	if len(l.contacts) == 0 {
		b.WriteString("\nNo contacts yet. Press n to add the first person you would like to talk to.")
		return b.String()
	}
	if len(l.hits) == 0 {
		b.WriteString(st.Muted.Render("No contact matches. esc clears the filter."))
		return b.String()
	}
	cols := columnsFor(l.width)
	b.WriteString(st.Label.Render(common.TruncateCells("  "+cell("Name", cols.name)+cell("Organisation", cols.org)+
		cell("Role", cols.role)+cell("Stage", cols.stage)+cell("Next", cols.next), l.width)))
	end := min(l.offset+l.rows(), len(l.hits))
	for i := l.offset; i < end; i++ {
		p := l.hits[i]
		b.WriteString("\n")
		b.WriteString(l.row(*l.contacts[p], l.next[p], cols, i == l.cursor))
	}
	return b.String()
}

// header is the stage counts and the filter line, above the columns.
func (l ContactList) header() []string {
	st := l.C.Styles
	var lines []string
	if l.height >= common.SmallScreenRows {
		lines = l.countLines[:len(l.countLines):len(l.countLines)] // appending copies
	}
	if l.filter.Focused() || l.filter.Value() != "" {
		lines = append(lines, st.Accent.Render("/ ")+common.InputView(st, l.filter, l.width-2))
	}
	return lines
}

// rows is how many contacts fit below the header and column headings.
func (l ContactList) rows() int {
	return max(l.height-2-len(l.header()), 1)
}

func (l ContactList) row(c model.Contact, next model.Step, cols listColumns, selected bool) string {
	st := l.C.Styles
	stage := c.CurrentStage()
	plain := cell(c.Name, cols.name) + cell(c.Organisation, cols.org) + cell(c.Role, cols.role)
	nextCell := cell(l.NextText(next), cols.next)
	marker := "  "
	if selected {
		marker = "▸ "
		return st.Selected.Render(common.TruncateCells(marker+plain+cell(string(stage), cols.stage)+nextCell, l.width))
	}
	stageCell, ok := l.stageCells[stage]
	if !ok {
		stageCell = l.stageCell(stage, cols)
	}
	line := marker + plain + stageCell
	if next.Overdue {
		line += st.Overdue.Render(nextCell)
	} else {
		line += nextCell
	}
	return common.TruncateCells(line, l.width)
}

// stageCell is the stage column of a row that is not selected.
func (l ContactList) stageCell(stage model.Stage, cols listColumns) string {
	return l.C.Styles.StageStyle(stage).Render(cell(string(stage), cols.stage))
}

// NextText is the next-step column, as the contact page shows it too.
func (l ContactList) NextText(s model.Step) string {
	return common.StepText(s, l.C.Now(), l.C.Hours.Cycle())
}
