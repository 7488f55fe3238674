/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything src/core offers, for the layers above it. */

#include "pv-assigned-licence.h"
#include "pv-assigned-plan.h"
#include "pv-contact-details.h"
#include "pv-country.h"
#include "pv-csv.h"
#include "pv-emergency-address.h"
#include "pv-enable-entry.h"
#include "pv-enable-plan.h"
#include "pv-enums.h"
#include "pv-iso-codes.h"
#include "pv-json.h"
#include "pv-licence-sku.h"
#include "pv-operation-result.h"
#include "pv-operator-plan.h"
#include "pv-operator.h"
#include "pv-phone-number.h"
#include "pv-pool.h"
#include "pv-run-journal.h"
#include "pv-service-plan.h"
#include "pv-sip-domain.h"
#include "pv-sip.h"
#include "pv-user.h"
#include "pv-validate.h"
#include "pv-voice-routing-policy.h"
