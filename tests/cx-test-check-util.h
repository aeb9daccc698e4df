/* cx-test-check-util.h — small plans for the check engine's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * make_plan() puts everything before the phases on lines 1–2 and each
 * phase's opening tag on a line of its own, so that a step written on one
 * line sits on line 3 + k + p, k counting steps from 1 over the whole plan
 * and p the index of its phase (before 0 … recovery 3); the phases open on
 * lines 3, 4 + nb, 5 + nb + nd and 6 + nb + nd + na. Settings, personas
 * and lanes are all on line 2.
 */

#pragma once

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"

G_BEGIN_DECLS

#define WARN  CX_SEVERITY_WARNING
#define INFO  CX_SEVERITY_INFO
#define ERROR CX_SEVERITY_ERROR

/* Shorthands for a plan's content */
#define STEP(id, attrs, body) \
  "<step id=\"" id "\"" attrs "><title>Step " id "</title>" body "</step>\n"
#define TITLED(id, title, attrs, body) \
  "<step id=\"" id "\"" attrs "><title>" title "</title>" body "</step>\n"
#define EXP(level) "<expected level=\"" #level "\"/>"
#define DEL(level) "<delivered level=\"" #level "\"/>"
#define LEVELS(expected, delivered) EXP (expected) DEL (delivered)
#define EMO(value) "<emotion value=\"" #value "\"/>"
#define FAIL(id, s, o, d) \
  "<failure id=\"" id "\" severity=\"" #s "\" occurrence=\"" #o "\" detection=\"" #d "\">" \
  "<mode>Mode " id "</mode></failure>"
#define WOW " wow=\"true\""
#define MOT " moment-of-truth=\"true\""
#define SETTINGS(content) "<settings>" content "</settings>"
#define THRESHOLD(name, value) "<threshold name=\"" name "\" value=\"" #value "\"/>"
#define DISABLE(check) "<disable check=\"" check "\"/>"

#define PERSONAS \
  "<personas><persona id=\"p\"><name>P</name></persona>" \
  "<persona id=\"q\"><name>Q</name></persona></personas>"
#define LANES \
  "<lanes><lane id=\"actions\" kind=\"actions\"><name>Actions</name></lane>" \
  "<lane id=\"notes\" kind=\"notes\"><name>Notes</name></lane>" \
  "<lane id=\"emo\" kind=\"emotion\"><name>Emotion</name></lane>" \
  "<lane id=\"gap\" kind=\"expectation\"><name>Gap</name></lane></lanes>"

typedef struct
{
  const char *check;
  guint       line;
  const char *step;
  const char *failure;
  CxSeverity  severity;
  const char *message;    /* NULL: not compared */
  const char *reason;     /* the accept's reason when accepted; NULL: not accepted */
} Expected;

typedef struct
{
  const char *path;
  const char *only;       /* compare the findings of this check alone; NULL: all */
  const char *settings;
  const char *phases[CX_N_PHASES];
  Expected    expected[16];
  const char *personas;   /* NULL: PERSONAS */
  const char *lanes;      /* NULL: LANES */
} CheckCase;

#define BEFORE   [CX_PHASE_BEFORE]
#define DURING   [CX_PHASE_DURING]
#define AFTER    [CX_PHASE_AFTER]
#define RECOVERY [CX_PHASE_RECOVERY]

char    *make_plan          (const char        *settings,
                             const char * const phases[CX_N_PHASES]);
/* As make_plan(), with the personas and lanes given (NULL: the default ones) */
char    *make_plan_full     (const char        *settings,
                             const char        *personas,
                             const char        *lanes,
                             const char * const phases[CX_N_PHASES]);
CxPlan  *read_plan          (const char        *xml);
void     dump_findings      (GPtrArray         *findings);
void     assert_ordered     (GPtrArray         *findings);
/* Runs a CheckCase (the test data) and compares its findings */
void     cx_test_check_case (gconstpointer      data);

G_END_DECLS
