/* cx-test-edits.h — random edits of a plan, for the property tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-history.h"

G_BEGIN_DECLS

void cx_test_random_edit (GRand     *rand,
                          CxHistory *h,
                          CxPlan    *plan);

G_END_DECLS
