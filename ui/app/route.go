package app

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// Routing. Every screen gets an id when the root pushes it. The root wraps
// the commands a screen returns so their results come back addressed to
// that screen (RoutedMsg), and delivers them to it alone, covered or not.
// A result for a screen that has closed goes to the screen that opened it:
// a dialog's answer and a form's save belong to whoever asked for them.
// Keys go to the top screen only. Shared data is not sent around: a result
// that changed the notebook says what changed (see changer), and the root
// tells only the screens that show that kind of record.

// screenID names one screen on the stack for the life of the program.
type screenID int

// rootID addresses the root itself: results of its own commands.
const rootID screenID = 0

// address is where a result goes: the screen whose command made it and,
// for when that one has closed, the screens that opened it, nearest first,
// as far as they were open when it was pushed. A screen's address is fixed
// when it is pushed and travels with its results, so the root keeps no
// record of closed screens: ids are never reused and a closed screen never
// reopens, so the first of them still open is the one that asked.
type address struct {
	to      screenID
	openers []screenID
}

// RoutedMsg is a command's result addressed to the screen that issued it.
type RoutedMsg struct {
	To  screenID
	Msg tea.Msg
	// openers are To's, for when it has closed (see address).
	openers []screenID
}

// Readdressed is msg sent to the same screen as r.
func (r RoutedMsg) Readdressed(msg tea.Msg) RoutedMsg {
	r.Msg = msg
	return r
}

var (
	cmdType    = reflect.TypeOf(tea.Cmd(nil))
	teaPkgPath = reflect.TypeOf(tea.QuitMsg{}).PkgPath()
)

// addressed wraps a command of the root's own (to is rootID), which no
// screen opened; see addressedTo.
func addressed(to screenID, cmd tea.Cmd) tea.Cmd {
	return addressedTo(address{to: to}, cmd)
}

// addressedTo wraps cmd so that what it returns is delivered to to, and a
// panic in it becomes a crash report. Batches and sequences are followed
// so each of their commands is wrapped too; Bubble Tea's own messages
// (quit, exec, window title) pass through untouched, since the runtime
// must see them.
func addressedTo(to address, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		// A panic in a command is a bug like one in Update: Bubble Tea
		// would print a stack on the terminal and report the program as
		// killed. It comes to Update as a crash instead.
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{newCrash("a command", r)}
			}
		}()
		msg = cmd()
		switch m := msg.(type) {
		case nil:
			return nil
		case RoutedMsg:
			return m
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(m))
			for i, c := range m {
				out[i] = addressedTo(to, c)
			}
			return out
		}
		v := reflect.ValueOf(msg)
		// tea.Sequence's message is an unexported slice of commands; a
		// copy of the same type keeps it a sequence for the runtime.
		if v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				out.Index(i).Set(reflect.ValueOf(addressedTo(to, c)))
			}
			return out.Interface()
		}
		if v.Type().PkgPath() == teaPkgPath {
			return msg
		}
		return RoutedMsg{To: to.to, Msg: msg, openers: to.openers}
	}
}
