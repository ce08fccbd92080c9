package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func (s composeScreen) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
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
		return s, navigate(openTemplatesMsg{})
	case key.Matches(k, s.keys.Profile) && s.phase != composeLoading:
		return s, navigate(openProfileMsg{s.data.profile, false})
	case key.Matches(k, s.keys.Settings):
		return s, navigate(openSettingsMsg{})
	}
	switch s.phase {
	case composeLoading:
		if key.Matches(k, s.keys.Back) {
			return s, pop
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

func (s composeScreen) pickKey(k tea.KeyMsg) (screen, tea.Cmd) {
	ts := s.data.templates
	switch {
	case s.moveCursor(k, len(ts)):
	case key.Matches(k, s.keys.Back):
		return s, pop
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

func (s composeScreen) takeawayKey(k tea.KeyMsg) (screen, tea.Cmd) {
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
	for i, t := range s.data.templates {
		if t.ID == s.tmpl.ID {
			return i
		}
	}
	return 0
}

func (s composeScreen) draftKey(k tea.KeyMsg) (screen, tea.Cmd) {
	d := s.draft
	switch {
	case key.Matches(k, s.keys.Up):
		s.scroll = max(s.scroll-1, 0)
	case key.Matches(k, s.keys.Down):
		s.scroll++ // the view clamps it
	case key.Matches(k, s.keys.Back), key.Matches(k, s.keys.Other):
		next := pop
		if key.Matches(k, s.keys.Other) {
			next = func() tea.Msg { return composeRepickMsg{s.contactID} }
		}
		if s.edited {
			return s, push(newConfirm(s.c, "Throw away your edits to this message?", "", next))
		}
		return s, next
	case key.Matches(k, s.keys.Edit):
		text := d.LogText()
		s.area.SetValue(text)
		s.area.Focus()
		// Start on the first gap, which is what most edits are for.
		line, col := 1, 1
		if gaps := d.StillMissing(); len(gaps) > 0 {
			if i := strings.Index(text, gaps[0].Marker()); i >= 0 {
				line = 1 + strings.Count(text[:i], "\n")
				col = 1 + utf8.RuneCountInString(text[strings.LastIndex(text[:i], "\n")+1:i])
			}
		}
		moveTextCursor(&s.area, line, col)
		s.phase = composeEdit
		return s, nil
	case key.Matches(k, s.keys.Editor):
		return s, editText(d.LogText(), "message.txt", "the draft", s.c.env(), func(text string) string { return text },
			func(text string, err error) tea.Msg { return draftEditedMsg{text: text, err: err} })
	case key.Matches(k, s.keys.Copy):
		return s, copyCmd(s.c.term, d.Text, "the message", s.c.env())
	case key.Matches(k, s.keys.CopySubject) && d.Subject != "":
		return s, copyCmd(s.c.term, d.Subject, "the subject", s.c.env())
	case key.Matches(k, s.keys.SaveFile):
		name := model.DraftFileName(s.data.contact.Name, s.tmpl.ID, s.c.now())
		return s, saveDraftCmd(draftsDir(s.c.store.Path()), name, d.LogText())
	case key.Matches(k, s.keys.Print):
		return s, printDraftCmd(d.LogText())
	case key.Matches(k, s.keys.Sent):
		s.phase = composeChannel
		s.cursor = max(indexOf(model.Channels(), s.tmpl.Channel), 0)
	case key.Matches(k, s.keys.NoReply):
		return s, s.confirmNoReply()
	}
	return s, nil
}

// composeRepickMsg goes back to the template list once any discarded
// edits are confirmed.
type composeRepickMsg struct{ contactID uint64 }

func (s composeScreen) channelKey(k tea.KeyMsg) (screen, tea.Cmd) {
	chans := model.Channels()
	switch {
	case s.moveCursor(k, len(chans)):
	case key.Matches(k, s.keys.Back):
		s.phase = composeDraft
	case key.Matches(k, s.keys.Choose):
		sent := s.draft.MarkSent(s.contactID, chans[s.cursor], s.c.now())
		if problem := sent.Validate(); problem != "" {
			s.setNotice(problem, true)
			return s, nil
		}
		s.phase = composeDraft
		if gaps := s.draft.StillMissing(); len(gaps) > 0 {
			return s, push(newConfirm(s.c, "Log it with gaps in it?",
				"The message still shows "+gapList(gaps)+". Log it as sent anyway?", logSent(s.c.store, sent)))
		}
		return s, logSent(s.c.store, sent)
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
	c := s.data.contact
	return push(newConfirm(s.c, fmt.Sprintf("Move %s to \"no reply\"?", c.Name),
		fmt.Sprintf("Your request of %s has had no answer for %d days.", w.RequestAt.Local().Format("Mon 2 Jan"), w.Days),
		withInfo(setContactStage(s.c.store, c, model.NoReply, s.c.now()), "%s moved to \"no reply\".", c.Name)))
}

// logged closes the screen after a message went on the timeline, tells
// every screen the contact moved, and after a thank-you offers the
// keep-in-touch reminder for the later update.
func (s composeScreen) logged(m messageLoggedMsg) tea.Cmd {
	c := m.contact
	what := string(m.interaction.Kind)
	if m.interaction.Kind == model.KindRequest {
		what = "request"
	}
	text := fmt.Sprintf("Logged the %s (%s) on %s's timeline. Stage: %s.", what, m.interaction.Channel, c.Name, c.CurrentStage())
	cmds := []tea.Cmd{pop, info("%s", text)}
	if m.interaction.Kind == model.KindThankYou {
		due := m.interaction.At.AddDate(0, 0, s.data.settings.Normalized().KeepInTouchDays)
		if c.MayContactAgain {
			cmds[1] = info("%s Update due around %s.", text, due.Local().Format("2 Jan 2006"))
		} else {
			// Only their permission makes a later update welcome, so the
			// question is theirs, and the answer is recorded on their page.
			cmds = append(cmds, push(newConfirm(s.c, fmt.Sprintf("Did %s say you may contact them again?", c.Name),
				fmt.Sprintf("Yes records it on their page (\"may contact again\") and reminds you to tell them what came of their advice around %s. (S changes how long.)", due.Local().Format("Mon 2 Jan 2006")),
				withInfo(allowKeepInTouch(s.c.store, c, s.c.now()), "An update to %s will be due around %s.", c.Name, due.Local().Format("2 Jan 2006")))))
		}
	}
	return tea.Sequence(cmds...)
}

func (s composeScreen) setSize(w, h int) screen {
	s.width, s.height = w, h
	s.area.SetWidth(max(w, 10))
	// Under the area: the title, the due line and the caret's position.
	s.area.SetHeight(max(h-3, 3))
	return s
}

func (s composeScreen) capturing() bool { return s.phase == composeEdit }

func (s composeScreen) help() help.KeyMap {
	k := s.keys
	_, noReply := s.noReply()
	k.NoReply.SetEnabled(noReply && !s.data.contact.CurrentStage().IsEnding())
	k.CopySubject.SetEnabled(s.draft.Subject != "")
	if s.phase == composeChannel {
		k.Choose.SetHelp("enter", "log as sent")
	}
	nav := []key.Binding{k.Up, k.Down, k.Choose, k.Back}
	global := []key.Binding{k.Templates, k.Profile, k.Settings}
	switch s.phase {
	case composeEdit:
		return keyMap{short: []key.Binding{k.EditDone}, full: [][]key.Binding{{k.EditDone}}}
	case composeDraft:
		k.Up.SetHelp("↑/↓", "scroll")
		k.Down.SetEnabled(false)
		short := []key.Binding{k.Copy, k.Edit, k.Sent, k.SaveFile, k.Print, k.Back}
		return keyMap{short: short, full: [][]key.Binding{
			{k.Copy, k.CopySubject, k.SaveFile, k.Print},
			{k.Edit, k.Editor, k.Up, k.Down},
			{k.Sent, k.NoReply, k.Other, k.Back}, global}}
	case composeChannel:
		return keyMap{short: nav, full: [][]key.Binding{nav}}
	case composePick:
		return keyMap{short: append(nav, k.NoReply, k.Templates), full: [][]key.Binding{nav, append([]key.Binding{k.NoReply}, global...)}}
	}
	return keyMap{short: nav, full: [][]key.Binding{nav, global}}
}
