/* cx-check-explain.c — what each check is for, in words for a service designer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written once, here, and shared: `cxplan-tool explain` prints them, the
 * SARIF log takes its rules' descriptions from them, and the application
 * shows them beside a finding. The rules are those of checks.md, with the
 * plan's threshold names (settings/threshold) as the file spells them.
 */

#define G_LOG_DOMAIN "cx-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cx-check.h"

static const CxCheckExplanation explanations[CX_N_CHECKS] = {
  [CX_CHECK_UNSUSTAINABLE_WOW] = {
    N_("A designed wow moment that the rest of the journey cannot live up to."),
    N_("For each step of the main journey (before, during, after) marked wow with a delivered "
       "level L: the later main-journey steps of the same journey (the same persona, or none) "
       "that deliver L − wow-drop or less (threshold wow-drop, default 2). If there is one, "
       "the wow step is flagged, with how many there are and the first three by name."),
    N_("A wow moment sets the bar for every contact after it. When the rest of the journey "
       "falls well below it, the wow turns into a promise broken later, and the customer "
       "leaves disappointed rather than delighted. Consistently good beats one peak."),
    N_("The gaps model of service quality (Zeithaml, Parasuraman and Berry): expectations "
       "grow from what customers have already been given. Dixon, Freeman and Toman, \"Stop "
       "Trying to Delight Your Customers\" (2010), found loyalty follows reliability more than "
       "delight."),
    N_("Raise the later steps the message names, or make the wow a level the service can keep "
       "up. Accepting is honest when the later steps belong to a different promise (a "
       "deliberately plain self-service part, say) and the team has said so to customers."),
  },
  [CX_CHECK_OVER_PROMISE] = {
    N_("A step that promises more than it delivers."),
    N_("A main-journey step whose expected level minus its delivered level is at least "
       "expectation-gap (threshold expectation-gap, default 2)."),
    N_("Customers judge a service against what they were led to expect. Advertising, sales "
       "talk and the service's own earlier steps set that expectation; a large gap is felt "
       "as a broken promise, whatever the absolute level."),
    N_("The gaps model (Zeithaml, Parasuraman and Berry): the gap between expected and "
       "perceived service, and the communication gap between what is promised and what is "
       "delivered."),
    N_("Deliver more at the step, or promise less before it (change what marketing, the web "
       "site or staff say). Accept only when the expectation is outside the team's reach and "
       "the gap is tracked elsewhere."),
  },
  [CX_CHECK_UNRECOVERED_FAILURE] = {
    N_("A serious failure with no recovery step planned for it."),
    N_("A failure whose risk priority number (severity × occurrence × detection) is at least "
       "rpn (threshold rpn, default 100), or whose severity is at least severity (threshold "
       "severity, default 8), that no step of the recovery phase lists in its recovers "
       "attribute. Flagged at the failure."),
    N_("Failures will happen; what the customer remembers is what the service did next. A "
       "likely, severe or hard-to-spot failure with nothing planned for it leaves front-line "
       "staff to improvise when it matters most."),
    N_("Service failure mode and effects analysis (service FMEA), which scores each failure "
       "for severity, occurrence and detection; and the service-recovery work of Hart, "
       "Heskett and Sasser, \"The Profitable Art of Service Recovery\" (1990)."),
    N_("Add a step to the recovery phase and list the failure in its recovers attribute, or "
       "add the failure to an existing recovery step. Accept only when the failure is "
       "answered outside this plan (another team's process) and the reason says where."),
  },
  [CX_CHECK_EMPTY_PHASE] = {
    N_("A phase of the journey with no step in it."),
    N_("The phase before, during or after with no step: a warning. The recovery phase with no "
       "step: a warning when the plan lists any failure, information otherwise. Flagged at "
       "the phase."),
    N_("The experience starts before the first contact (searching, asking friends, calling) "
       "and goes on after the last one (delivery, billing, returns, being asked back). A map "
       "that leaves a phase out hides where customers are won and lost."),
    N_("Customer-journey research (Lemon and Verhoef, 2016) treats pre-purchase, purchase and "
       "post-purchase as one experience; service blueprinting (Shostack, 1984) maps the whole "
       "of it."),
    N_("Add the steps of the phase, even rough ones. Accept when the phase is mapped in "
       "another plan and the reason names it."),
  },
  [CX_CHECK_UNOWNED_STEP] = {
    N_("A step that nobody answers for."),
    N_("A step with no owner attribute (or only white space in it)."),
    N_("A step without an owner is a step nobody improves, measures or is called about when "
       "it fails. Hand-offs between unowned steps are where customers fall through."),
    N_("Service blueprinting (Shostack, 1984; Bitner, Ostrom and Morgan, 2008): every contact "
       "has the people and processes behind it named."),
    N_("Name the department or role that answers for the step. Accept when the step is run "
       "by someone outside the organisation (a partner, the customer alone) and the reason "
       "says who."),
  },
  [CX_CHECK_NEGATIVE_ENDING] = {
    N_("The journey ends on a negative feeling."),
    N_("The last main-journey step that has an emotion value has one below 0. Flagged at that "
       "step."),
    N_("People remember an experience mostly by its most intense moment and by its end, and "
       "they retell the end. A journey that closes unhappy is remembered as unhappy, however "
       "good its middle was."),
    N_("The peak-end rule: Kahneman and Redelmeier's studies of remembered pain (1993, 1996) "
       "showed the end weighs heavily in how an experience is recalled."),
    N_("Improve the last contact, or add a closing step that ends well (a follow-up, a thank "
       "you, a resolution). Accept only when the ending is outside the service's power and "
       "the team has decided how to soften it elsewhere."),
  },
  [CX_CHECK_WEAK_LINK] = {
    N_("A step far below the rest of the journey."),
    N_("With at least 3 main-journey steps that have a delivered level: their median m (for "
       "an even count, the mean of the middle two). A step whose delivered level is at most "
       "m − weak-link (threshold weak-link, default 2) is flagged."),
    N_("Customers judge a service by its contacts one at a time, and one poor contact can undo "
       "several good ones. The weakest step is usually the cheapest place to improve the whole "
       "journey."),
    N_("Moments of truth (Carlzon, Normann): every contact is a chance to lose the customer."),
    N_("Raise the step's delivery, or split it to see which part fails. Accept when the step is "
       "weak by design (a necessary formality) and customers are told why."),
  },
  [CX_CHECK_BROKEN_REFERENCE] = {
    N_("A reference to something that does not exist, or is of the wrong kind."),
    N_("One finding for each step persona that names no persona, cell lane that names no lane "
       "of a text kind, recovers entry that names no failure, failure leads-to or link step "
       "that names no step; for recovers on a step outside the recovery phase; and for a "
       "second cell in one lane of a step."),
    N_("The plan is broken: the map cannot draw what the reference means, and other checks "
       "cannot reason about it."),
    N_("The cxplan file format: references are kept as written so that they can be mended, "
       "and reported here."),
    N_("Mend the reference: name an element that exists, or remove the reference. An error "
       "cannot be accepted; an accept of it is reported as stale (CX022)."),
  },
  [CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH] = {
    N_("A moment of truth with no failure listed for it."),
    N_("A step marked moment-of-truth that has no failure."),
    N_("At a moment of truth the customer judges the whole service. If the team has not asked "
       "what can go wrong there, it has not protected the contact that matters most."),
    N_("Moments of truth: Normann coined the term in Service Management (1984) and Carlzon made "
       "it known in Moments of Truth (1987); service FMEA lists what can fail at each step."),
    N_("List the failures that could happen at the step, with their scores. Accept when the "
       "step has been examined and nothing credible can fail (say how it was examined)."),
  },
  [CX_CHECK_UNASSESSED_STEP] = {
    N_("A step whose expected or delivered level is missing."),
    N_("A main-journey step missing its expected level, its delivered level, or both."),
    N_("Without both levels nobody can see whether the step keeps its promise, and the checks "
       "that compare them (over-promise, weak link, wow, hand-off) cannot look at it."),
    N_("The gaps model and its measure SERVQUAL (Parasuraman, Zeithaml and Berry, 1988): "
       "service quality is what customers perceive against what they expected."),
    N_("Give the step both levels, from research where there is some. Accept for a step that "
       "is only sketched yet, and say when it will be assessed."),
  },
  [CX_CHECK_IDLE_RECOVERY] = {
    N_("A recovery step that does not say which failures it answers."),
    N_("A step of the recovery phase whose recovers attribute is absent or empty."),
    N_("A recovery that answers nothing in particular cannot be checked against the failures "
       "it should mend, and the map cannot draw the line from failure to recovery."),
    N_("Service recovery (Hart, Heskett and Sasser, 1990) and service FMEA: each planned "
       "recovery answers named failures."),
    N_("List the failures the step recovers. Accept for a general safety net (a complaints "
       "line) when the reason says so."),
  },
  [CX_CHECK_PEAK_END] = {
    N_("A deep low that a neutral or good ending does not make up for."),
    N_("Over the main-journey steps that have an emotion value, when there are at least two: "
       "the end is the last of them, the peak the one furthest from 0 (ties: the most "
       "negative, then the earliest). When the end is 0 or more and the mean of the peak and "
       "the end is below 0, the peak step is flagged. No threshold."),
    N_("People remember an experience by its most intense moment and its end, not by the sum "
       "of its moments. A journey with a bad low in it is remembered by that low, even when "
       "it ends well enough."),
    N_("The peak-end rule: Kahneman and Redelmeier (colonoscopy patients, 1996) and Kahneman, "
       "Fredrickson, Schreiber and Redelmeier (1993)."),
    N_("Soften the low (shorter, better explained, with someone there), or make the end "
       "strong enough to outweigh it. Accept when the low cannot be avoided (a medical "
       "procedure, say) and the plan answers it another way."),
  },
  [CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL] = {
    N_("A moment of truth that delivers less than the customer expects."),
    N_("A step marked moment-of-truth whose delivered level is below its expected level, by "
       "any amount, in any phase. No threshold: at a moment of truth any shortfall counts."),
    N_("At a moment of truth the customer decides what they think of the whole service. A "
       "shortfall there costs more than the same shortfall anywhere else."),
    N_("Moments of truth (Normann, 1984; Carlzon, 1987)."),
    N_("Bring the delivery up to the expectation, or change what is promised before the step. "
       "Accepting is rarely honest here; if the step is not truly decisive, remove its "
       "moment-of-truth mark instead."),
  },
  [CX_CHECK_ASSUMED_MOMENT] = {
    N_("A moment of truth or wow moment that has not been seen in research."),
    N_("A step marked moment-of-truth or wow whose evidence is assumed."),
    N_("The contacts the design rests on are the ones the team most needs to know are real. "
       "When they are only assumed, the plan may be built on what managers believe customers "
       "want rather than on what customers expect."),
    N_("The gaps model (Zeithaml, Parasuraman and Berry): the knowledge gap between what "
       "customers expect and what management thinks they expect."),
    N_("Observe the step (interviews, shadowing, data) and set its evidence to observed, or "
       "mark it proposed if it is a design not yet live. Accept while research is planned, "
       "and say when."),
  },
  [CX_CHECK_HAND_OFF_DROP] = {
    N_("Delivery falls where one team hands the customer to another."),
    N_("A main-journey step and the step right after it in journey order (steps of every "
       "persona counted), both with an owner and a delivered level, whose owners differ "
       "(compared without leading and trailing white space and without regard to case), where "
       "the later step delivers at most the earlier's level − hand-off-drop (threshold "
       "hand-off-drop, default 2). The later step is flagged."),
    N_("Service breaks at the seams between departments: information is lost, nobody owns the "
       "gap, and the customer repeats themselves. A fall in delivery right at a change of "
       "owner points at the hand-off, not at either team alone."),
    N_("The gaps model's service-performance gap (Zeithaml, Parasuraman and Berry) and service "
       "blueprinting's lines of internal interaction (Shostack, 1984; Bitner, Ostrom and "
       "Morgan, 2008)."),
    N_("Design the hand-off: what is passed on, who confirms it arrived, what the customer is "
       "told. Accept when the drop is known and planned for (a deliberate step down to "
       "self-service), with the reason."),
  },
  [CX_CHECK_UNANSWERED_LEADS_TO] = {
    N_("A failure leads to a recovery step that does not answer it."),
    N_("A failure whose leads-to names a step of the recovery phase that does not list the "
       "failure in its recovers attribute. Flagged at the failure."),
    N_("The map says the failure sends the customer to that recovery, but the recovery does "
       "not say it handles that failure: the staff there may not know what they are "
       "recovering from."),
    N_("Service FMEA, which follows each failure to its effect and its answer; service "
       "recovery (Hart, Heskett and Sasser, 1990)."),
    N_("Add the failure to the recovery step's recovers attribute, or point leads-to at the "
       "step that really answers it. Accept only when the step is a waypoint and the failure "
       "is answered after it."),
  },
  [CX_CHECK_DOUBLE_DEVIATION] = {
    N_("A recovery that fails again."),
    N_("A step of the recovery phase with a non-empty recovers attribute that delivers below "
       "its expected level (both present) or whose emotion value is below 0."),
    N_("A customer who has already been let down and is then let down by the recovery is "
       "hurt twice, and blames the second failure more than the first: it shows the provider "
       "does not care."),
    N_("Double deviation: Bitner, Booms and Tetreault, \"The Service Encounter: Diagnosing "
       "Favorable and Unfavorable Incidents\" (1990)."),
    N_("Make the recovery deliver what the customer expects of it: speed, an apology, a fair "
       "fix. Accept only when the emotion recorded is the failure's and the recovery is known "
       "to lift it."),
  },
  [CX_CHECK_SILENT_FAILURE] = {
    N_("A failure the provider will not notice."),
    N_("A failure with detection at least silent-detection (threshold silent-detection, "
       "default 8) and severity at least 5. Flagged at the failure."),
    N_("When the provider cannot see a failure, recovery waits for the customer to complain, "
       "and most dissatisfied customers never do: they just leave."),
    N_("Service FMEA's detection score (10: the failure goes unnoticed by the provider); "
       "complaint studies (TARP, for the US Office of Consumer Affairs) found that most "
       "unhappy customers never complain."),
    N_("Add a way to notice the failure (a check, a measure, a call-back) and lower its "
       "detection score. Accept when detection is outside the provider's reach and the "
       "recovery does not depend on it."),
  },
  [CX_CHECK_UPSET_ARRIVAL] = {
    N_("A customer who arrives upset, and whose first contact makes it worse."),
    N_("A persona with a mood of −1 or lower whose first main-journey step (the first step, in "
       "journey order, whose persona is this persona or that has none) has both levels and "
       "delivers below the expected one. Flagged at the persona."),
    N_("A customer who arrives angry or anxious has little patience left: a first contact that "
       "falls short confirms their fears, and everything after starts from there."),
    N_("The zone of tolerance narrows with the customer's situation (Zeithaml, Berry and "
       "Parasuraman, 1993); customer-journey research (Lemon and Verhoef, 2016) counts what "
       "happens before the first contact."),
    N_("Design the first contact for the upset customer: acknowledge the state they arrive in "
       "and deliver at least what they expect. Accept when the first step is not really where "
       "this persona starts, and say where."),
  },
  [CX_CHECK_PREVENT_NOT_RECOVER] = {
    N_("A failure too severe for recovery to make good."),
    N_("A failure with severity at least prevent-severity (threshold prevent-severity, "
       "default 9) and occurrence at least 2, recovered or not. Flagged at the failure."),
    N_("After a mild failure, a good recovery can leave customers happier than before (the "
       "recovery paradox). After a severe one it cannot: the answer is to make the failure "
       "rarer, not to rely on mending it."),
    N_("The service recovery paradox (McCollough and Bharadwaj, 1992) and the evidence that it "
       "fails for severe failures (Magnini, Ford, Markowski and Honeycutt, 2007); service FMEA's "
       "occurrence score."),
    N_("Lower the occurrence: change the process so the failure happens less often, and lower "
       "its score when that is measured. Accept when the failure is already as rare as it can "
       "be made and the reason says what was done."),
  },
  [CX_CHECK_BLUEPRINT_GAP] = {
    N_("Frontstage work with nothing behind it."),
    N_("When the plan has a lane of kind backstage or support: a main-journey step with a "
       "non-empty cell in a frontstage lane and no non-empty cell in any backstage or support "
       "lane."),
    N_("What the customer sees rests on work they do not see. A frontstage action with no "
       "backstage or support behind it is either unplanned, or depends on someone improvising."),
    N_("Service blueprinting (Shostack, \"Designing Services That Deliver\", 1984; Bitner, "
       "Ostrom and Morgan, 2008): the line of visibility and the processes below it."),
    N_("Write the backstage action or support process that makes the frontstage work possible. "
       "Accept when the frontstage action truly needs nothing behind it."),
  },
  [CX_CHECK_STALE_ACCEPT] = {
    N_("An accepted finding that no longer exists."),
    N_("A settings accept that matches no finding of the checks that ran: none of its check "
       "at the step, failure or persona of its ref, or at the phase of its phase. Accepts of a "
       "disabled check, or of a check this version does not know, are not looked at. An "
       "accept of an error (CX008) matches nothing. Flagged at the accept."),
    N_("An accept that outlives its finding hides nothing today, but it would silently accept a "
       "new finding at the same place tomorrow, and it makes reviewers read reasons that no "
       "longer apply."),
    N_("Review practice for suppressions in code analysis: a suppression that suppresses "
       "nothing is removed."),
    N_("Remove the accept, or correct its ref or phase if the finding moved. Accepting this "
       "finding is not possible: it is flagged at an accept, which no ref can name."),
  },
};

/**
 * cx_check_explain:
 * @check: a check
 * @explanation: (out caller-allocates): where to store the texts
 *
 * Fills @explanation with the texts of @check, translated: a one-sentence
 * summary, the exact rule with the thresholds the plan can set, why it
 * matters, where the idea comes from, and how a plan answers it. The
 * strings are static.
 */
void
cx_check_explain (CxCheckId           check,
                  CxCheckExplanation *explanation)
{
  const CxCheckExplanation *texts;

  g_return_if_fail ((guint) check < CX_N_CHECKS);
  g_return_if_fail (explanation != NULL);

  texts = &explanations[check];
  explanation->summary = g_dgettext (GETTEXT_PACKAGE, texts->summary);
  explanation->rule = g_dgettext (GETTEXT_PACKAGE, texts->rule);
  explanation->why = g_dgettext (GETTEXT_PACKAGE, texts->why);
  explanation->source = g_dgettext (GETTEXT_PACKAGE, texts->source);
  explanation->answer = g_dgettext (GETTEXT_PACKAGE, texts->answer);
}
