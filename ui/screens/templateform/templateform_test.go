package templateform

import (
	"parley/ui/uitest"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/model"
)

func TestBrokenTemplateShowsWhereAndKeepsTheForm(t *testing.T) {
	c := uitest.TestCommon(t)
	f := NewTemplateForm(c, model.TemplateDoc{Purpose: model.PurposeOther, Channel: model.ChannelEmail}).SetSize(80, 24).(templateForm)
	f.name.SetValue("Check-in")
	f.body.SetValue("Dear {{contact.name}},\nHow are {{contact.nmae}} you?")
	sc, cmd := f.Save()
	if cmd != nil {
		t.Fatal("a broken template was saved")
	}
	f = sc.(templateForm)
	if f.focus != tfBody || f.body.Line() != 1 || f.body.LineInfo().CharOffset != 8 {
		t.Errorf("cursor at focus %d line %d col %d, want body 2:9", f.focus, f.body.Line()+1, f.body.LineInfo().CharOffset+1)
	}
	v := ansi.Strip(f.View())
	if !strings.Contains(v, "body, line 2, column 9") || !strings.Contains(v, "did you mean {{contact.name}}") {
		t.Errorf("view:\n%s", v)
	}
}
