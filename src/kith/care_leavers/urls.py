app_name = "care_leavers"

urlpatterns: list = []
