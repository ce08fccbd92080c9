package model

// InteractionKind is the timeline entry that sending a message of this
// purpose makes, and so the pipeline move it brings (see MovesTo). A
// reminder is logged as another request: it restarts the no-reply clock
// without moving anyone. A message of no stated purpose is kept as a note,
// so it is on the timeline word for word but moves nothing and does not
// count as hearing from the person.
func (p Purpose) InteractionKind() InteractionKind {
	switch p {
	case PurposeRequest, PurposeReminder:
		return KindRequest
	case PurposeThanks:
		return KindThankYou
	case PurposeUpdate:
		return KindUpdate
	}
	return KindNote
}

// SuggestedTemplate is the ID of the built-in template for a contact's next
// step, or "" when no one message fits: a request (the referral one for a
// referred contact), a reminder once a request has gone unanswered past
// the rule, a thank-you owed, or the later update.
func SuggestedTemplate(c Contact, step Step) string {
	switch step.Kind {
	case StepSendRequest:
		if c.ReferredBy != 0 {
			return "referral-request"
		}
		return "request-email"
	case StepFollowUp:
		if step.Overdue {
			return "reminder"
		}
	case StepThankYou:
		return "thank-you"
	case StepKeepInTouch:
		return "update"
	}
	switch c.CurrentStage() {
	case ToContact:
		return "request-email"
	case Interviewed:
		return "thank-you"
	case Thanked, KeepingInTouch:
		return "update"
	}
	return ""
}
