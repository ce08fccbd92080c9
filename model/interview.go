package model

import (
	"strings"
	"time"
)

// Question is one prepared question in an interview's checklist.
type Question struct {
	// ID is unique within its interview, so notes can point at it even
	// after the checklist is reordered.
	ID      int    `json:"id"`
	Text    string `json:"text"`
	MustAsk bool   `json:"must_ask,omitempty"`
	Asked   bool   `json:"asked,omitempty"`
	// AskedAt is the interview clock's reading when the question was ticked.
	AskedAt time.Duration `json:"asked_at,omitempty"`
	Skipped bool          `json:"skipped,omitempty"`
	// BankID names the bank question this came from, if any.
	BankID string `json:"bank_id,omitempty"`
	// Starred marks an answer worth remembering; the question bank counts
	// stars across interviews to show which questions pay off.
	Starred bool `json:"starred,omitempty"`
}

// Note is one paragraph of the notes taken during an interview.
type Note struct {
	// At is the interview clock's reading when the paragraph was started.
	At time.Duration `json:"at"`
	// QuestionID is the question that was current when the paragraph was
	// started, or 0 if none was.
	QuestionID int    `json:"question_id,omitempty"`
	Text       string `json:"text"`
	// Starred marks a paragraph worth remembering; a star here also counts
	// for the question it was written under.
	Starred bool `json:"starred,omitempty"`
}

// Interview is one informational interview with a contact: its plan, its
// clock, what was asked and what was written down.
type Interview struct {
	ID        uint64        `json:"id"`
	ContactID uint64        `json:"contact_id"`
	Budget    time.Duration `json:"budget"`
	Clock     Clock         `json:"clock"`
	Questions []Question    `json:"questions"`
	Notes     []Note        `json:"notes"`
	// CurrentID is the question the user chose to ask next, or 0 to take
	// the first one not yet asked.
	CurrentID int `json:"current_id,omitempty"`
	// Closing is the closing ritual, ticked like questions.
	Closing []Question `json:"closing,omitempty"`
	// WrapUp is what the user writes down once the conversation is over.
	WrapUp WrapUp `json:"wrap_up,omitzero"`
	// Rev counts the stored versions of the interview; only the store
	// moves it. A save carries the Rev it read, so a copy that another
	// write overtook is refused rather than written over it.
	Rev     uint64    `json:"rev"`
	Created time.Time `json:"created"`
	// Scheduled is the agreed meeting, or nil for an interview planned
	// before one was agreed (or held without one).
	Scheduled *Schedule `json:"scheduled,omitempty"`
	// NotHeld says why a planned interview did not take place; empty for
	// one that did or still may. An interview not held has no length, no
	// thank-you and no place among the upcoming ones.
	NotHeld NotHeldReason `json:"not_held,omitempty"`
}

// NotHeldReason is why an interview did not take place.
type NotHeldReason string

// The reasons an interview may not have been held.
const (
	Cancelled   NotHeldReason = "cancelled"
	NoShow      NotHeldReason = "no-show"
	Rescheduled NotHeldReason = "rescheduled"
)

// NotHeldReasons are the reasons offered, in the order offered.
var NotHeldReasons = []NotHeldReason{Cancelled, NoShow, Rescheduled}

// MarkNotHeld records that the interview did not take place. Only one whose
// clock never ran can be marked: a clock that ran means a conversation.
func (iv *Interview) MarkNotHeld(why NotHeldReason) bool {
	if iv.Clock.State() != NotStarted {
		return false
	}
	iv.NotHeld = why
	return true
}

// NewInterview plans an interview with the given questions and the default
// budget. Question IDs are assigned from 1.
func NewInterview(contactID uint64, questions []string, now time.Time) Interview {
	iv := Interview{ContactID: contactID, Budget: DefaultBudget, Created: now, Closing: ClosingRitual()}
	for _, q := range questions {
		iv.AddQuestion(q)
	}
	return iv
}

// AddQuestion appends a question to the checklist and returns its ID. Blank
// text adds nothing and returns 0.
func (iv *Interview) AddQuestion(text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	id := 1
	for _, q := range iv.Questions {
		if q.ID >= id {
			id = q.ID + 1
		}
	}
	iv.Questions = append(iv.Questions, Question{ID: id, Text: text})
	return id
}

// Elapsed is the interview time at now.
func (iv Interview) Elapsed(now time.Time) time.Duration { return iv.Clock.Elapsed(now) }

// Current is the index of the question to ask next: the one the user chose,
// if it is still open, else the first one neither asked nor skipped, or -1
// when none is left.
func (iv Interview) Current() int {
	for i, q := range iv.Questions {
		if q.ID == iv.CurrentID && !q.Asked && !q.Skipped {
			return i
		}
	}
	for i, q := range iv.Questions {
		if !q.Asked && !q.Skipped {
			return i
		}
	}
	return -1
}

// ToggleAsked ticks or unticks question i, stamping it with the clock
// reading at now.
func (iv *Interview) ToggleAsked(i int, now time.Time) {
	if i < 0 || i >= len(iv.Questions) {
		return
	}
	q := &iv.Questions[i]
	q.Asked = !q.Asked
	if q.Asked {
		q.AskedAt = iv.Elapsed(now)
		q.Skipped = false
	} else {
		q.AskedAt = 0
	}
}

// AskedCount is how many questions have been ticked.
func (iv Interview) AskedCount() int {
	n := 0
	for _, q := range iv.Questions {
		if q.Asked {
			n++
		}
	}
	return n
}

// QuestionByID finds a question by its ID.
func (iv Interview) QuestionByID(id int) (Question, bool) {
	for _, q := range iv.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}
