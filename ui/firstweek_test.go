package ui

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// A status line cut with "…" lost the part that said what to do.
func TestStatusLinesWrapInsteadOfBeingCut(t *testing.T) {
	long := "Sent the message to your terminal's clipboard (OSC 52). If pasting does not work, p prints it and f saves it."
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		c, _, _ := uitest.NewTestCommon(t)
		d := uitest.NewDriver(t, c, size[0], size[1])
		d.Send(common.StatusMsg{Text: long})
		v := d.View()
		if !strings.Contains(v, "saves it.") {
			t.Errorf("%dx%d: the end of the status is lost:\n%s", size[0], size[1], v)
		}
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for _, l := range lines {
			if w := common.CellWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d wide: %q", size[0], size[1], w, l)
			}
		}
	}
}

func TestOldStatusLinesStayWithTheirScreen(t *testing.T) {
	c, _, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(common.StatusMsg{Text: "Saved the set."})
	d.Send(uitest.KeyRunes("c")) // to the contact list
	if v := d.View(); strings.Contains(v, "Saved the set.") {
		t.Errorf("the status followed to another screen:\n%s", v)
	}
	d.Send(common.StatusMsg{Text: "Could not save.", Err: true})
	d.Send(uitest.KeyMsg("esc"))
	if v := d.View(); !strings.Contains(v, "Could not save.") {
		t.Errorf("an error went before it was replaced:\n%s", v)
	}
}

// A confirmation is drawn over the screen, so the user sees what they are
// about to delete.
func TestConfirmationsAreDrawnOverTheScreen(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	for _, n := range []string{"Bo Chen", "Cy Diaz", "Di Evans", "Ed Ford", "Fay Gold", "Gus Hale", "Ivy Ito", "Jo Jones", "Kai Kim"} {
		if _, err := s.PutContact(model.Contact{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyRunes("d"))
	v := d.View()
	if !strings.Contains(v, "Delete Bo Chen?") || !strings.Contains(v, "Contacts · 9") || !strings.Contains(v, "▸ Bo Chen") {
		t.Errorf("the question should sit over the list:\n%s", v)
	}
	for i, l := range strings.Split(v, "\n") {
		if w := common.CellWidth(l); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}

// ? must teach what the README did: the undo window, x for no reply, and
// ↑/↓ on the contact page.
func TestHelpSaysWhatKeysDo(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	if _, err := s.PutContact(model.Contact{Name: "Bo Chen"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: "Sam Lee"}); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyRunes("?"))
	if v := d.View(); !strings.Contains(v, "u undoes it until you leave the list") {
		t.Errorf("list help lacks the undo window:\n%s", v)
	}
	d.Send(uitest.KeyRunes("?"))
	d.Send(uitest.KeyMsg("enter")) // Bo's page
	if v := d.View(); !strings.Contains(v, "↑/↓") {
		t.Errorf("contact page help lacks ↑/↓:\n%s", v)
	}
	d.Send(uitest.KeyRunes("w")) // write to Bo
	d.Send(uitest.KeyRunes("?"))
	if v := d.View(); !strings.Contains(v, "x mark no reply") {
		t.Errorf("message help lacks x:\n%s", v)
	}
}

// The wheel moves through a list as ↑/↓ would, and leaves a screen taking
// text alone.
func TestMouseWheelScrollsLists(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	for _, n := range []string{"Al", "Bo", "Cy"} {
		if _, err := s.PutContact(model.Contact{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("c"))
	d.Send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if v := d.View(); !strings.Contains(v, "▸ Bo") {
		t.Errorf("wheel down did not move the list:\n%s", v)
	}
	d.Send(uitest.KeyRunes("n")) // a form takes text: the wheel does not move its fields
	d.Send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if v := d.View(); !strings.Contains(v, "▸ Name") {
		t.Errorf("wheel moved a form's fields:\n%s", v)
	}
}
