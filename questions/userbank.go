package questions

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// UserState is everything the user has done to the bank, and what the store
// persists as JSON. Built-in questions are not stored here, only the user's
// changes to them, so a newer Parley can ship new or reworded built-ins and
// the merge in Bank still respects every choice the user made.
//
// Its methods have value semantics: each returns a new UserState and leaves
// the receiver untouched, so a caller can keep the old one for undo or
// discard the new one if saving fails.
type UserState struct {
	// Own holds the user's own questions, in the order they were added.
	Own []Question `json:"own,omitempty"`
	// Overrides holds the user's changes to built-ins, by built-in ID.
	// Entries for IDs a later Parley no longer ships are kept and ignored,
	// in case the question returns.
	Overrides map[string]Override `json:"overrides,omitempty"`
	// LastOwnID is the number in the last "u-<n>" ID handed out. It only
	// grows, so a deleted question's ID is never given to another one and
	// old interviews never point at the wrong question.
	LastOwnID int `json:"last_own_id,omitempty"`
	// Sets are the plans saved by name for reuse, in the order saved.
	Sets []Plan `json:"sets,omitempty"`
	// DefaultSet names the set a new interview starts from; empty means a
	// balanced pick from the bank.
	DefaultSet string `json:"default_set,omitempty"`
}

// Override is the user's change to one built-in question. Zero fields mean
// "as shipped", so a rewording in a later Parley shows through unless the
// user reworded the question first.
type Override struct {
	Text   string   `json:"text,omitempty"`
	Theme  Theme    `json:"theme,omitempty"`
	Kind   Kind     `json:"kind,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Hidden bool     `json:"hidden,omitempty"`
}

func (o Override) empty() bool {
	return o.Text == "" && o.Theme == "" && o.Kind == "" && len(o.Tags) == 0 && !o.Hidden
}

// Errors returned by UserState and Plan methods; wrapped with details, so
// test with errors.Is. Their text is meant to be shown to the user.
var (
	ErrEmptyText = errors.New("the question is empty")
	ErrNotFound  = errors.New("that question is not in the bank")
	ErrDuplicate = errors.New("that question is already in the bank")
	ErrTheme     = errors.New("choose a theme for the question")
	ErrKind      = errors.New("choose whether the question is practical or reflective")
)

// ownIDPrefix starts the IDs of the user's own questions; built-in IDs
// start with a theme name, so the two can never collide.
const ownIDPrefix = "u-"

// clone deep-copies s so methods can change the copy freely.
func (s UserState) clone() UserState {
	// Empty fields stay nil, so a state compares equal to itself after a
	// JSON round trip (omitempty drops them).
	c := UserState{LastOwnID: s.LastOwnID, DefaultSet: s.DefaultSet}
	for _, q := range s.Own {
		c.Own = append(c.Own, q.clone())
	}
	for id, o := range s.Overrides {
		o.Tags = cleanTags(o.Tags)
		c.setOverride(id, o)
	}
	for _, p := range s.Sets {
		c.Sets = append(c.Sets, p.clone())
	}
	return c
}

// all is the merged bank including hidden questions, as Bank documents.
func (s UserState) all() []Question {
	own := map[string]bool{}
	for _, q := range s.Own {
		own[NormalizeText(q.Text)] = true
	}
	var out []Question
	for _, q := range BuiltIns() {
		o, edited := s.Overrides[q.ID]
		if edited {
			if o.Text != "" {
				q.Text = o.Text
			}
			if o.Theme.Valid() {
				q.Theme = o.Theme
			}
			if o.Kind.Valid() {
				q.Kind = o.Kind
			}
			q.Tags = append([]string(nil), o.Tags...)
			q.Hidden = o.Hidden
		}
		if !edited && own[NormalizeText(q.Text)] {
			// A built-in new to this state that the user already wrote
			// in their own words: theirs wins.
			continue
		}
		out = append(out, q)
	}
	for _, q := range s.Own {
		q = q.clone()
		q.BuiltIn = false
		out = append(out, q)
	}
	return out
}

// Hidden lists the questions the user hid or deleted from the built-ins
// (and any own questions they hid), so a screen can offer to bring them
// back with Unhide.
func (s UserState) Hidden() []Question {
	var out []Question
	for _, q := range s.all() {
		if q.Hidden {
			out = append(out, q)
		}
	}
	return out
}

// NextOwnID is the ID the next question added with Add will get.
func (s UserState) NextOwnID() string {
	return ownIDPrefix + strconv.Itoa(s.nextOwnNumber())
}

// nextOwnNumber is one more than the highest number used so far, looking
// at the stored questions too in case LastOwnID was lost or hand-edited.
func (s UserState) nextOwnNumber() int {
	n := s.LastOwnID
	for _, q := range s.Own {
		if v, err := strconv.Atoi(strings.TrimPrefix(q.ID, ownIDPrefix)); err == nil && v > n {
			n = v
		}
	}
	return n + 1
}

// Add writes a new question of the user's own into the bank and returns it
// with its new ID. The text must not be empty or repeat a question already
// in the bank (hidden ones included, so the user is told to unhide rather
// than ending up with two). Check is not applied: its hints never block.
func (s UserState) Add(text string, theme Theme, kind Kind, tags []string) (UserState, Question, error) {
	text = strings.TrimSpace(text)
	if err := s.validate("", text, theme, kind); err != nil {
		return s, Question{}, err
	}
	c := s.clone()
	n := c.nextOwnNumber()
	q := Question{ID: ownIDPrefix + strconv.Itoa(n), Text: text, Theme: theme, Kind: kind, Tags: cleanTags(tags)}
	c.LastOwnID = n
	c.Own = append(c.Own, q)
	return c, q.clone(), nil
}

// Edit rewrites a question's text, theme and kind. For the user's own
// questions that changes them in place; for a built-in it records an
// override under the same ID, so interviews that used it still count
// towards it and a later Parley never brings the old wording back.
// Editing a built-in back to its shipped values drops the override.
func (s UserState) Edit(id, text string, theme Theme, kind Kind) (UserState, error) {
	text = strings.TrimSpace(text)
	if err := s.validate(id, text, theme, kind); err != nil {
		return s, err
	}
	c := s.clone()
	if i := c.ownIndex(id); i >= 0 {
		c.Own[i].Text, c.Own[i].Theme, c.Own[i].Kind = text, theme, kind
		return c, nil
	}
	base, ok := builtinByID(id)
	if !ok {
		return s, fmt.Errorf("edit %s: %w", id, ErrNotFound)
	}
	o := c.Overrides[id]
	o.Text, o.Theme, o.Kind = "", "", ""
	if text != base.Text {
		o.Text = text
	}
	if theme != base.Theme {
		o.Theme = theme
	}
	if kind != base.Kind {
		o.Kind = kind
	}
	c.setOverride(id, o)
	return c, nil
}

// SetTags replaces a question's tags (see ParseTags for the cleaning).
func (s UserState) SetTags(id string, tags []string) (UserState, error) {
	c := s.clone()
	tags = cleanTags(tags)
	if i := c.ownIndex(id); i >= 0 {
		c.Own[i].Tags = tags
		return c, nil
	}
	if _, ok := builtinByID(id); !ok {
		return s, fmt.Errorf("tag %s: %w", id, ErrNotFound)
	}
	o := c.Overrides[id]
	o.Tags = tags
	c.setOverride(id, o)
	return c, nil
}

// Delete removes one of the user's own questions for good. A built-in is
// only hidden, because a later Parley must not bring it back and because
// the user may change their mind (see Unhide). Interviews and saved sets
// that used the question keep their own copy of its text.
func (s UserState) Delete(id string) (UserState, error) {
	if i := s.ownIndex(id); i >= 0 {
		c := s.clone()
		c.Own = append(c.Own[:i], c.Own[i+1:]...)
		return c, nil
	}
	return s.setHidden(id, true)
}

// Hide keeps a question out of the bank and of new plans without losing it.
func (s UserState) Hide(id string) (UserState, error) { return s.setHidden(id, true) }

// Unhide brings back a hidden or deleted built-in, or a hidden own question.
func (s UserState) Unhide(id string) (UserState, error) { return s.setHidden(id, false) }

func (s UserState) setHidden(id string, hidden bool) (UserState, error) {
	c := s.clone()
	if i := c.ownIndex(id); i >= 0 {
		c.Own[i].Hidden = hidden
		return c, nil
	}
	if _, ok := builtinByID(id); !ok {
		return s, fmt.Errorf("hide %s: %w", id, ErrNotFound)
	}
	o := c.Overrides[id]
	o.Hidden = hidden
	c.setOverride(id, o)
	return c, nil
}

// setOverride stores o, or removes the entry when o changes nothing, so
// the persisted state stays small and readable.
func (s *UserState) setOverride(id string, o Override) {
	if o.empty() {
		delete(s.Overrides, id)
		if len(s.Overrides) == 0 {
			s.Overrides = nil
		}
		return
	}
	if s.Overrides == nil {
		s.Overrides = map[string]Override{}
	}
	s.Overrides[id] = o
}

// validate checks text, theme and kind for a question with ID self ("" for
// a new one): not empty, not a duplicate of another question.
func (s UserState) validate(self, text string, theme Theme, kind Kind) error {
	if text == "" {
		return ErrEmptyText
	}
	if !theme.Valid() {
		return ErrTheme
	}
	if !kind.Valid() {
		return ErrKind
	}
	norm := NormalizeText(text)
	for _, q := range s.all() {
		if q.ID == self || NormalizeText(q.Text) != norm {
			continue
		}
		if q.Hidden {
			return fmt.Errorf("%w, hidden; unhide it instead", ErrDuplicate)
		}
		return ErrDuplicate
	}
	return nil
}

func (s UserState) ownIndex(id string) int {
	for i, q := range s.Own {
		if q.ID == id {
			return i
		}
	}
	return -1
}

func builtinByID(id string) (Question, bool) {
	for _, q := range builtins {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}
