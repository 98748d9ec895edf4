from actions.language import foreign_reply


def test_confident_french_spanish_german_get_their_language():
    assert "anglais" in foreign_reply("Bonjour, est-ce que ma commande arrive demain ?")
    assert "inglés" in foreign_reply("Hola, ¿dónde está mi pedido? Lo necesito ya")
    assert "Englisch" in foreign_reply("Guten Tag, mein Paket ist noch nicht angekommen")


def test_short_or_typod_english_is_never_foreign():
    for text in ("wheres my trainres", "hola", "merci beaucoup", "my sofa is late", "purple monkey dishwasher",
                 "qwertyuiop asdf", "cancel ORD-20001 pls", "i want a refnd for my kettle"):
        assert foreign_reply(text) is None, text


def _actions():
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEV_MODE": "true"}):  # actions.actions checks its secrets on import
        from actions import actions
    return actions


def _tracker(text: str, intent: str, channel: str):
    from rasa_sdk import Tracker

    message = {"text": text, "intent": {"name": intent, "confidence": 0.6}, "entities": [], "metadata": {}}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message, "input_channel": channel}]
    return Tracker("lang-test", {}, message, events, False, None, {}, "action_listen")


def test_a_written_request_in_spanish_is_answered_in_spanish_and_starts_no_business_flow():
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = _actions().ActionOrderRequest().run(dispatcher, _tracker("Hola, quiero cancelar mi pedido, ¿me pueden ayudar?",
                                                           "cancel_order", "rest"), {})
    assert [m["text"] for m in dispatcher.messages] == [foreign_reply("Hola, quiero cancelar mi pedido")]
    assert "inglés" in dispatcher.messages[0]["text"]
    assert events == []  # no order topic, no form, no question about an order


def test_on_the_voice_channel_the_language_gate_is_off():
    from rasa_sdk.executor import CollectingDispatcher

    answered_in_their_language = _actions().answered_in_their_language

    dispatcher = CollectingDispatcher()
    assert not answered_in_their_language(dispatcher, _tracker("Bonjour, est-ce que ma commande arrive demain ?",
                                                               "order_status", "voice"))
    assert dispatcher.messages == []
    assert answered_in_their_language(dispatcher, _tracker("Bonjour, est-ce que ma commande arrive demain ?",
                                                           "order_status", "rest"))
