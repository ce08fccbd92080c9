package ui

import (
	"strings"
)

// formLabelW is the width of the labels column.
const formLabelW = 15

func (f contactForm) view() string {
	st := f.c.styles
	title := "New contact"
	if f.original.ID != 0 {
		title = "Edit " + f.original.Name
	}
	errs := f.errors()
	var lines []string
	focusFrom, focusTo := 0, 0
	inputW := max(f.width-2-formLabelW, 8)
	for i, fld := range f.fields {
		marker, label := "  ", st.Label.Render(padRight(fld.label, formLabelW))
		if i == f.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(fld.label, formLabelW))
			focusFrom = len(lines)
		}
		indent := strings.Repeat(" ", 2+formLabelW)
		s := f.states[i]
		switch fld.kind {
		case kindToggle:
			box := "[ ] no"
			if s.on {
				box = "[x] yes"
			}
			lines = append(lines, marker+label+box+"  "+st.Muted.Render(truncateCells(fld.hint, max(inputW-9, 0))))
		case kindArea:
			s.area.SetWidth(inputW)
			for j, l := range strings.Split(s.area.View(), "\n") {
				if j == 0 {
					lines = append(lines, marker+label+l)
				} else {
					lines = append(lines, indent+l)
				}
			}
		default:
			line := marker + label + inputView(st, s.input, inputW)
			if fld.kind == kindChoice && s.input.Value() == "" && i != f.focus {
				line = marker + label + st.Muted.Render("—")
			}
			lines = append(lines, line)
			if fld.kind == kindPick && i == f.focus && s.pickID != 0 {
				hint := "→ " + f.name(s.pickID)
				if len(f.matches) > 1 {
					hint += st.Muted.Render("  (←/→ other matches)")
				}
				lines = append(lines, indent+truncateCells(hint, inputW))
			} else if fld.kind == kindPick && s.pickID != 0 && f.name(s.pickID) != s.input.Value() && f.name(s.pickID) != "" {
				lines = append(lines, indent+st.Muted.Render(truncateCells("→ "+f.name(s.pickID), inputW)))
			}
		}
		if msg, bad := errs[i]; bad {
			for _, l := range wrapWords(msg, inputW) {
				lines = append(lines, indent+st.Error.Render(l))
			}
		}
		if i == f.focus {
			focusTo = len(lines) - 1
		}
	}
	head := []string{st.Title.Render(title), ""}
	rows := max(f.height-len(head), 1)
	start := 0
	if focusTo >= rows {
		start = focusTo - rows + 1
	}
	start = min(start, focusFrom)
	end := min(start+rows, len(lines))
	return strings.Join(append(head, lines[start:end]...), "\n")
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-cellWidth(s), 0))
}
