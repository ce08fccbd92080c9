package model

// stages is the pipeline in display order: the path forward, then the two
// endings.
var stages = []Stage{ToContact, RequestSent, Scheduled, Interviewed, Thanked,
	KeepingInTouch, Declined, NoReply}

// Stages lists every stage in display order, for pickers and the count per
// stage on the first screen. The slice is the caller's to keep.
func Stages() []Stage {
	return append([]Stage(nil), stages...)
}

// Valid reports whether s is one of the pipeline stages.
func (s Stage) Valid() bool { return s.Order() < len(stages) }

// IsEnding reports whether s closes the pipeline for this contact without an
// interview: they declined, or never replied.
func (s Stage) IsEnding() bool { return s == Declined || s == NoReply }

// Order is the stage's position in Stages, for sorting the list by stage.
// The empty stage of a contact saved before stages existed counts as
// ToContact; an unknown stage sorts last.
func (s Stage) Order() int {
	if s == "" {
		return 0
	}
	for i, st := range stages {
		if st == s {
			return i
		}
	}
	return len(stages)
}

// rank is how far along the pipeline a stage is, for the never-backwards
// rule. The endings rank with RequestSent: they end the asking phase, so a
// later schedule, interview or thank-you (proof that the person said yes
// after all) lifts a contact out of them, but another request does not
// reopen a declined or silent contact on its own.
func (s Stage) rank() int {
	switch s {
	case Declined, NoReply:
		return RequestSent.Order()
	}
	return s.Order()
}

// CurrentStage is the contact's stage, reading an unset one as ToContact.
func (c Contact) CurrentStage() Stage {
	if c.Stage == "" {
		return ToContact
	}
	return c.Stage
}

// Advance moves the contact to stage to if that is a step forward, and
// reports whether it moved. It is the rule for moves made by actions
// (logging a request, scheduling, ending an interview, a thank-you): they
// never move a contact backwards, so logging a late request for someone
// already interviewed leaves them at Interviewed. An ending is reached
// automatically only from ToContact or RequestSent; after an interview,
// "declined" has no meaning.
func (c *Contact) Advance(to Stage) bool {
	if !to.Valid() {
		return false
	}
	cur := c.CurrentStage()
	if to == cur {
		return false
	}
	if to.IsEnding() {
		if cur.rank() > RequestSent.Order() {
			return false
		}
	} else if to.rank() <= cur.rank() {
		return false
	}
	c.Stage = to
	return true
}

// SetStage is the user setting the stage by hand: any valid stage, in any
// direction, because the user knows things the notebook does not. It
// reports false, changing nothing, for an unknown stage.
func (c *Contact) SetStage(to Stage) bool {
	if !to.Valid() {
		return false
	}
	c.Stage = to
	return true
}
