package compose

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/components/editor"
	"parley/ui/components/outbox"
	"parley/ui/safetext"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func (s composeScreen) HandleKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	if s.phase == composeEdit {
		if key.Matches(k, s.keys.EditDone) {
			s.area.Blur()
			s.setText(s.area.Value())
			s.phase = composeDraft
			return s, nil
		}
		var cmd tea.Cmd
		s.area, cmd = s.area.Update(k)
		return s, cmd
	}
	switch {
	case key.Matches(k, s.keys.Templates):
		return s, common.Navigate(common.OpenTemplatesMsg{})
	case key.Matches(k, s.keys.Profile) && s.phase != composeLoading:
		return s, common.Navigate(common.OpenProfileMsg{Profile: s.data.Profile, First: false})
	case key.Matches(k, s.keys.Settings):
		return s, common.Navigate(common.OpenSettingsMsg{})
	}
	switch s.phase {
	case composeLoading:
		if key.Matches(k, s.keys.Back) {
			return s, common.Pop
		}
	case composePick:
		return s.pickKey(k)
	case composeTakeaway:
		return s.takeawayKey(k)
	case composeDraft:
		return s.draftKey(k)
	case composeChannel:
		return s.channelKey(k)
	}
	return s, nil
}

// moveCursor handles up and down in a list of n entries.
func (s *composeScreen) moveCursor(k tea.KeyMsg, n int) bool {
	switch {
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, max(n-1, 0))
	default:
		return false
	}
	return true
}

func (s composeScreen) pickKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	ts := s.data.Templates
	switch {
	case s.moveCursor(k, len(ts)):
	case key.Matches(k, s.keys.Back):
		return s, common.Pop
	case key.Matches(k, s.keys.NoReply):
		return s, s.confirmNoReply()
	case key.Matches(k, s.keys.Choose) && s.cursor < len(ts):
		s.tmpl, s.takeaway, s.notice = ts[s.cursor], "", ""
		if usesTakeaway(s.tmpl) && len(s.takeawayChoices()) > 0 {
			s.phase, s.cursor = composeTakeaway, 0
			return s, nil
		}
		s.phase = composeDraft
		s.fill()
	}
	return s, nil
}

func (s composeScreen) takeawayKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	choices := s.takeawayChoices()
	switch {
	case s.moveCursor(k, len(choices)+1): // the last entry is "none"
	case key.Matches(k, s.keys.Back):
		s.phase, s.cursor = composePick, s.templateIndex()
	case key.Matches(k, s.keys.Choose):
		if s.cursor < len(choices) {
			s.takeaway = choices[s.cursor]
		}
		s.phase = composeDraft
		s.fill()
	}
	return s, nil
}

func (s composeScreen) templateIndex() int {
	for i, t := range s.data.Templates {
		if t.ID == s.tmpl.ID {
			return i
		}
	}
	return 0
}

func (s composeScreen) draftKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	d := s.draft
	switch {
	case key.Matches(k, s.keys.Up):
		s.scroll = max(s.scroll-1, 0)
	case key.Matches(k, s.keys.Down):
		s.scroll++ // the view clamps it
	case key.Matches(k, s.keys.Back), key.Matches(k, s.keys.Other):
		next := common.Pop
		if key.Matches(k, s.keys.Other) {
			next = func() tea.Msg { return composeRepickMsg{s.contactID} }
		}
		if s.edited {
			return s, common.Push(confirm.NewConfirm(s.c, "Throw away your edits to this message?", "", next))
		}
		return s, next
	case key.Matches(k, s.keys.Edit):
		text := d.LogText()
		s.area.SetValue(safetext.Strip(text))
		s.area.Focus()
		// Start on the first gap, which is what most edits are for.
		line, col := 1, 1
		if gaps := d.StillMissing(); len(gaps) > 0 {
			if i := strings.Index(text, gaps[0].Marker()); i >= 0 {
				line = 1 + strings.Count(text[:i], "\n")
				col = 1 + utf8.RuneCountInString(text[strings.LastIndex(text[:i], "\n")+1:i])
			}
		}
		common.MoveTextCursor(&s.area, line, col)
		s.phase = composeEdit
		return s, nil
	case key.Matches(k, s.keys.Editor):
		return s, editor.EditText(d.LogText(), "message.txt", "the draft", s.c, func(text string) string { return text },
			func(text string, err error) tea.Msg { return outbox.DraftEditedMsg{Text: text, Err: err} })
	case key.Matches(k, s.keys.Copy):
		return s, outbox.CopyCmd(s.c.Term, d.Text, "the message", s.c.Env())
	case key.Matches(k, s.keys.CopySubject) && d.Subject != "":
		return s, outbox.CopyCmd(s.c.Term, d.Subject, "the subject", s.c.Env())
	case key.Matches(k, s.keys.SaveFile):
		name := model.DraftFileName(s.data.Contact.Name, s.tmpl.ID, s.c.Now())
		return s, outbox.SaveDraftCmd(outbox.DraftsDir(s.c.Store.Path()), name, d.LogText())
	case key.Matches(k, s.keys.Print):
		return s, outbox.PrintDraftCmd(s.c, d.LogText(), s.width)
	case key.Matches(k, s.keys.Sent):
		s.phase = composeChannel
		s.cursor = max(common.IndexOf(model.Channels(), s.tmpl.Channel), 0)
	case key.Matches(k, s.keys.NoReply):
		return s, s.confirmNoReply()
	}
	return s, nil
}

// composeRepickMsg goes back to the template list once any discarded
// edits are confirmed.
type composeRepickMsg struct{ contactID uint64 }

func (s composeScreen) channelKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	chans := model.Channels()
	switch {
	case s.moveCursor(k, len(chans)):
	case key.Matches(k, s.keys.Back):
		s.phase = composeDraft
	case key.Matches(k, s.keys.Choose):
		sent := s.draft.MarkSent(s.contactID, chans[s.cursor], s.c.Now())
		if problem := sent.Validate(); problem != "" {
			s.setNotice(problem, true)
			return s, nil
		}
		s.phase = composeDraft
		if gaps := s.draft.StillMissing(); len(gaps) > 0 {
			return s, common.Push(confirm.NewConfirm(s.c, "Log it with gaps in it?",
				"The message still shows "+gapList(gaps)+". Log it as sent anyway?", common.LogSent(s.c.Store, sent)))
		}
		return s, common.LogSent(s.c.Store, sent)
	}
	return s, nil
}

func gapList(ps []model.Placeholder) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Marker()
	}
	return strings.Join(out, ", ")
}

// confirmNoReply offers to close the contact as "no reply", the other
// answer to a request that has waited past the rule.
func (s composeScreen) confirmNoReply() tea.Cmd {
	w, ok := s.noReply()
	if !ok {
		return nil
	}
	c := s.data.Contact
	return common.Push(confirm.NewConfirm(s.c, fmt.Sprintf("Move %s to \"no reply\"?", c.Name),
		fmt.Sprintf("Your request of %s has had no answer for %d days.", w.RequestAt.In(s.c.Now().Location()).Format("Mon 2 Jan"), w.Days),
		common.WithInfo(common.SetContactStage(s.c.Store, c, model.NoReply, s.c.Now()), "%s moved to \"no reply\".", c.Name)))
}

// logged closes the screen after a message went on the timeline, tells
// every screen the contact moved, and after a thank-you offers the
// keep-in-touch reminder for the later update.
func (s composeScreen) logged(m common.MessageLoggedMsg) tea.Cmd {
	c := m.Contact
	what := string(m.Interaction.Kind)
	if m.Interaction.Kind == model.KindRequest {
		what = "request"
	}
	text := fmt.Sprintf("Logged the %s (%s) on %s's timeline. Stage: %s.", what, m.Interaction.Channel, c.Name, c.CurrentStage())
	cmds := []tea.Cmd{common.Pop, common.Info("%s", text)}
	if m.Interaction.Kind == model.KindThankYou {
		due := m.Interaction.At.AddDate(0, 0, s.data.Settings.Normalized().KeepInTouchDays)
		if c.MayContactAgain {
			cmds[1] = common.Info("%s Update due around %s.", text, due.In(s.c.Now().Location()).Format("2 Jan 2006"))
		} else {
			// Only their permission makes a later update welcome, so the
			// question is theirs, and the answer is recorded on their page.
			cmds = append(cmds, common.Push(confirm.NewConfirm(s.c, fmt.Sprintf("Did %s say you may contact them again?", c.Name),
				fmt.Sprintf("Yes records it on their page (\"may contact again\") and reminds you to tell them what came of their advice around %s. (S changes how long.)", due.In(s.c.Now().Location()).Format("Mon 2 Jan 2006")),
				common.WithInfo(common.AllowKeepInTouch(s.c.Store, c, s.c.Now()), "An update to %s will be due around %s.", c.Name, due.In(s.c.Now().Location()).Format("2 Jan 2006")))))
		}
	}
	return tea.Sequence(cmds...)
}

func (s composeScreen) SetSize(w, h int) common.Screen {
	s.width, s.height = w, h
	s.area.SetWidth(max(w, 10))
	// Under the area: the title, the due line and the caret's position.
	s.area.SetHeight(max(h-3, 3))
	return s
}

func (s composeScreen) Capturing() bool { return s.phase == composeEdit }

func (s composeScreen) Help() help.KeyMap {
	k := s.keys
	_, noReply := s.noReply()
	k.NoReply.SetEnabled(noReply && !s.data.Contact.CurrentStage().IsEnding())
	// Full help lists x even before it applies, saying when it comes:
	// otherwise the way to close a silent contact is only in the README.
	noReplyFull := k.NoReply
	if !noReplyFull.Enabled() {
		noReplyFull.SetEnabled(true)
		noReplyFull.SetHelp("x", fmt.Sprintf("mark no reply (once a request waited %d days)", s.data.Settings.Normalized().NoReplyDays))
	}
	k.CopySubject.SetEnabled(s.draft.Subject != "")
	if s.phase == composeChannel {
		k.Choose.SetHelp("enter", "log as sent")
	}
	nav := []key.Binding{k.Up, k.Down, k.Choose, k.Back}
	global := []key.Binding{k.Templates, k.Profile, k.Settings}
	switch s.phase {
	case composeEdit:
		return common.KeyMap{Short: []key.Binding{k.EditDone}, Full: [][]key.Binding{{k.EditDone}}}
	case composeDraft:
		k.Up.SetHelp("↑/↓", "scroll")
		k.Down.SetEnabled(false)
		short := []key.Binding{k.Copy, k.Edit, k.Sent, k.SaveFile, k.Print, k.Back}
		return common.KeyMap{Short: short, Full: [][]key.Binding{
			{k.Copy, k.CopySubject, k.SaveFile, k.Print},
			{k.Edit, k.Editor, k.Up, k.Down},
			{k.Sent, noReplyFull, k.Other, k.Back}, global}}
	case composeChannel:
		return common.KeyMap{Short: nav, Full: [][]key.Binding{nav}}
	case composePick:
		return common.KeyMap{Short: append(nav, k.NoReply, k.Templates), Full: [][]key.Binding{nav, append([]key.Binding{noReplyFull}, global...)}}
	}
	return common.KeyMap{Short: nav, Full: [][]key.Binding{nav, global}}
}
