app_name = "care_planning"

urlpatterns: list = []
