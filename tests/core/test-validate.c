/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "pv-validate.h"

typedef gboolean (*Validator) (const char *text, GError **error);

typedef struct
{
  const char *input;
  int code; /* -1: valid */
} Case;

static void
run_table (Validator   validate,
           const Case *cases,
           gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = validate (cases[i].input, &error);

      if (cases[i].code < 0)
        {
          if (!ok)
            g_error ("“%s” should be valid, got: %s", cases[i].input, error->message);
          g_assert_no_error (error);
        }
      else
        {
          if (ok)
            g_error ("“%s” should be refused", cases[i].input ? cases[i].input : "(null)");
          g_assert_error (error, PV_VALIDATE_ERROR, cases[i].code);
          /* Every reason is a sentence telling how to fix the input. */
          g_assert_cmpuint (strlen (error->message), >, 20);
          g_assert_true (g_str_has_suffix (error->message, "."));
        }
    }
}

static void
test_email (void)
{
  static const Case cases[] = {
    { "jean.dupont@contoso.com", -1 },
    { "o'brien@contoso.com", -1 },
    { "first+tag@mail.contoso.co.uk", -1 },
    { "a@b.co", -1 },
    { NULL, PV_VALIDATE_ERROR_EMPTY },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { "jean.dupont", PV_VALIDATE_ERROR_SYNTAX },
    { "@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "jean@", PV_VALIDATE_ERROR_SYNTAX },
    { ".jean@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "jean.@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "jean..dupont@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "jean dupont@contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "andré@contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "jean@contoso", PV_VALIDATE_ERROR_SYNTAX },
    { "jean@-contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "jean@conto_so.com", PV_VALIDATE_ERROR_CHARACTER },
    { "jean@contoso..com", PV_VALIDATE_ERROR_SYNTAX },
    { "\xff\xfe@contoso.com", PV_VALIDATE_ERROR_ENCODING },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@contoso.com",
      PV_VALIDATE_ERROR_TOO_LONG },
  };

  run_table (pv_validate_email, cases, G_N_ELEMENTS (cases));
}

static void
test_e164 (void)
{
  static const Case cases[] = {
    { "+14255551297", -1 },
    { "+33142685300", -1 },
    { "+6831234", -1 },
    { "+123456789012345", -1 },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { NULL, PV_VALIDATE_ERROR_EMPTY },
    { "14255551297", PV_VALIDATE_ERROR_SYNTAX },
    { "0142685300", PV_VALIDATE_ERROR_SYNTAX },
    { "tel:+14255551297", PV_VALIDATE_ERROR_SYNTAX },
    { "+0142685300", PV_VALIDATE_ERROR_SYNTAX },
    { "+33 1 42 68 53 00", PV_VALIDATE_ERROR_CHARACTER },
    { "+1 (425) 555-1297", PV_VALIDATE_ERROR_CHARACTER },
    { "+1425555129x", PV_VALIDATE_ERROR_CHARACTER },
    { "+14255551297;ext=51297", PV_VALIDATE_ERROR_SYNTAX },
    { "+123456", PV_VALIDATE_ERROR_TOO_SHORT },
    { "+1234567890123456", PV_VALIDATE_ERROR_TOO_LONG },
    { "+3314268530\xc3", PV_VALIDATE_ERROR_ENCODING },
  };

  run_table (pv_validate_e164, cases, G_N_ELEMENTS (cases));
}

static void
test_line_uri (void)
{
  static const Case cases[] = {
    { "tel:+14255551297", -1 },
    { "tel:+14255551297;ext=51297", -1 },
    { "TEL:+14255551297", -1 },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { "+14255551297", PV_VALIDATE_ERROR_SYNTAX },
    { "sip:+14255551297", PV_VALIDATE_ERROR_SYNTAX },
    { "tel:14255551297", PV_VALIDATE_ERROR_SYNTAX },
    { "tel:+1 425 555 1297", PV_VALIDATE_ERROR_CHARACTER },
    { "tel:+14255551297;ext=", PV_VALIDATE_ERROR_SYNTAX },
    { "tel:+14255551297;ext=51a97", PV_VALIDATE_ERROR_CHARACTER },
    { "tel:+14255551297;ext=51297;foo", PV_VALIDATE_ERROR_CHARACTER },
    { "tel:+14255551297;phone-context=x", PV_VALIDATE_ERROR_SYNTAX },
    { "tel:+", PV_VALIDATE_ERROR_TOO_SHORT },
  };

  run_table (pv_validate_line_uri, cases, G_N_ELEMENTS (cases));
}

static void
test_fqdn (void)
{
  static const Case cases[] = {
    { "pool01.contoso.com", -1 },
    { "se01.fabrikam.local", -1 },
    { "a-b.c-d.example", -1 },
    { "xn--bcher-kva.example", -1 },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { "pool01", PV_VALIDATE_ERROR_SYNTAX },
    { ".contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "pool01.contoso.com.", PV_VALIDATE_ERROR_SYNTAX },
    { "pool01..contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "-pool.contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "pool-.contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "pool_01.contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "büro.contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "pool 01.contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
      PV_VALIDATE_ERROR_TOO_LONG },
  };

  run_table (pv_validate_fqdn, cases, G_N_ELEMENTS (cases));
}

static void
test_sip_uri (void)
{
  static const Case cases[] = {
    { "sip:jean.dupont@contoso.com", -1 },
    { "SIP:Jean.Dupont@Contoso.com", -1 },
    { "sip:o'brien@contoso.com", -1 },
    { "sip:a_b-c!~*()@contoso.com", -1 },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { "jean.dupont@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "sips:jean@contoso.com", PV_VALIDATE_ERROR_SYNTAX },
    { "sip:jean.dupont", PV_VALIDATE_ERROR_SYNTAX },
    { "sip:@contoso.com", PV_VALIDATE_ERROR_EMPTY },
    { "sip:jean@", PV_VALIDATE_ERROR_SYNTAX },
    { "sip:jean&marie@contoso.com", PV_VALIDATE_ERROR_REFUSED_CHARACTER },
    { "sip:jean;marie@contoso.com", PV_VALIDATE_ERROR_REFUSED_CHARACTER },
    { "sip:jean=marie@contoso.com", PV_VALIDATE_ERROR_REFUSED_CHARACTER },
    { "sip:jean+marie@contoso.com", PV_VALIDATE_ERROR_REFUSED_CHARACTER },
    { "sip:jean?x@contoso.com", PV_VALIDATE_ERROR_REFUSED_CHARACTER },
    { "sip:jean marie@contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "sip:jéan@contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "sip:jean%20marie@contoso.com", PV_VALIDATE_ERROR_CHARACTER },
    { "sip:jean@contoso", PV_VALIDATE_ERROR_SYNTAX },
  };

  run_table (pv_validate_sip_uri, cases, G_N_ELEMENTS (cases));
}

static void
test_sip_uri_length (void)
{
  g_autoptr(GError) error = NULL;
  /* "sip:" + user + "@contoso.com": 4 + n + 12 characters. */
  g_autofree char *user_ok = g_strnfill (454 - 16, 'a');
  g_autofree char *user_long = g_strnfill (454 - 15, 'a');
  g_autofree char *ok = g_strdup_printf ("sip:%s@contoso.com", user_ok);
  g_autofree char *too_long = g_strdup_printf ("sip:%s@contoso.com", user_long);

  g_assert_cmpuint (strlen (ok), ==, 454);
  g_assert_true (pv_validate_sip_uri (ok, &error));
  g_assert_no_error (error);
  g_assert_false (pv_validate_sip_uri (too_long, &error));
  g_assert_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "455"));
}

static gboolean
company_size (const char *text,
              GError    **error)
{
  return pv_validate_company_size (text, NULL, error);
}

static void
test_company_size (void)
{
  static const Case cases[] = {
    { "1", -1 },
    { "250", -1 },
    { " 250 ", -1 },
    { "10000000", -1 },
    { "", PV_VALIDATE_ERROR_EMPTY },
    { "   ", PV_VALIDATE_ERROR_EMPTY },
    { NULL, PV_VALIDATE_ERROR_EMPTY },
    { "0", PV_VALIDATE_ERROR_OUT_OF_RANGE },
    { "10000001", PV_VALIDATE_ERROR_OUT_OF_RANGE },
    { "99999999999999999999999999", PV_VALIDATE_ERROR_OUT_OF_RANGE },
    { "-5", PV_VALIDATE_ERROR_SYNTAX },
    { "2.5", PV_VALIDATE_ERROR_SYNTAX },
    { "1 000", PV_VALIDATE_ERROR_SYNTAX },
    { "lots", PV_VALIDATE_ERROR_SYNTAX },
    { "50-100", PV_VALIDATE_ERROR_SYNTAX },
  };
  int size = 0;

  run_table (company_size, cases, G_N_ELEMENTS (cases));

  g_assert_true (pv_validate_company_size (" 250 ", &size, NULL));
  g_assert_cmpint (size, ==, 250);
}

static void
test_sip_characters (void)
{
  /* The RFC 3261 user set, and the subset refused on purpose. */
  for (const char *p = "abcXYZ019-_.!~*'()"; *p != '\0'; p++)
    {
      g_assert_true (pv_sip_user_char_is_allowed (*p));
      g_assert_false (pv_sip_user_char_is_refused (*p));
    }
  for (const char *p = "&=+$,;?/"; *p != '\0'; p++)
    {
      g_assert_true (pv_sip_user_char_is_allowed (*p));
      g_assert_true (pv_sip_user_char_is_refused (*p));
    }
  for (const char *p = " @:\"<>%#[]{}|\\^`"; *p != '\0'; p++)
    g_assert_false (pv_sip_user_char_is_allowed (*p));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/e164", test_e164);
  g_test_add_func ("/validate/line-uri", test_line_uri);
  g_test_add_func ("/validate/fqdn", test_fqdn);
  g_test_add_func ("/validate/sip-uri", test_sip_uri);
  g_test_add_func ("/validate/sip-uri-length", test_sip_uri_length);
  g_test_add_func ("/validate/sip-characters", test_sip_characters);
  g_test_add_func ("/validate/company-size", test_company_size);

  return g_test_run ();
}
